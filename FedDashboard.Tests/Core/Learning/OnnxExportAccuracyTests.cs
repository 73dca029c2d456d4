using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Formats;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;
using Xunit.Abstractions;

namespace FedDashboard.Tests.Core.Learning;

/// <summary>
/// Each model, trained briefly with the product's trainer to well above chance, exported to ONNX and run in ONNX Runtime
/// on the 10,000 test images from their raw pixels: it must score TorchSharp's accuracy within 0.1 points and pick
/// TorchSharp's class on at least 99.9 % of the images.
/// </summary>
[Collection(MnistCollection.Name)]
public sealed class OnnxExportAccuracyTests(MnistFixture mnist, ITestOutputHelper output)
{
    [Fact]
    public void Run_Trained2NN_OnnxRuntimeMatchesTorchSharp() =>
        AssertMatches(ModelArchitecture.Mlp2NN, new LocalTrainingSettings(Epochs: 1, BatchSize: 10, LearningRate: 0.05), samples: 6000);

    [Fact]
    public void Run_TrainedCnn_OnnxRuntimeMatchesTorchSharp() =>
        AssertMatches(ModelArchitecture.Cnn, new LocalTrainingSettings(Epochs: 1, BatchSize: 20, LearningRate: 0.05), samples: 6000);

    private void AssertMatches(ModelArchitecture architecture, LocalTrainingSettings settings, int samples)
    {
        var spec = new ModelSpec(architecture);
        var trained = Train(spec, settings, samples);
        var onnx = OnnxExport.Export(architecture, trained, new Dictionary<string, string> { ["job"] = "test", ["version"] = "1" });

        var result = OnnxExportCheck.Run(onnx, architecture, trained, mnist.RawTest);

        output.WriteLine($"{architecture}: {result}");
        Assert.Equal(ModelEvaluator.Evaluate(spec, trained, mnist.TestTensors).Accuracy, result.TorchAccuracy, 12);
        Assert.True(result.TorchAccuracy > 0.85, $"the briefly trained {architecture} should be well above chance: {result}");
        Assert.InRange(Math.Abs(result.OnnxAccuracy - result.TorchAccuracy), 0, 0.001 + 1e-12);
        Assert.True(result.Agreement >= 0.999, result.ToString());
        Assert.True(result.Passed, result.ToString());
    }

    private ParameterSet Train(ModelSpec spec, LocalTrainingSettings settings, int samples) =>
        LocalTrainer.Train(spec, ModelInitializer.Initial(spec, seed: 1), mnist.TrainTensors, Partitioner.Iid(60000, 60000 / samples, seed: 3)[0],
            settings, seed: 1, CancellationToken.None).Parameters;
}
