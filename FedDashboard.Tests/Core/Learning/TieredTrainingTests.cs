using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;
using Xunit.Abstractions;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class TieredTrainingTests(MnistFixture mnist, ITestOutputHelper output)
{
    [Fact]
    public void TieredAverage_HalfWidthAndFullWidthTrainedOnMnist_GivesAGlobalModelThatEvaluates()
    {
        var globalSpec = new ModelSpec(ModelArchitecture.Mlp2NN);
        var halfSpec = globalSpec with { Width = 0.5 };
        var settings = new LocalTrainingSettings(Epochs: 1, BatchSize: 10, LearningRate: 0.05);
        var clients = Partitioner.Iid(mnist.Data.Train.Count, 200, seed: 7);
        var global = ModelInitializer.Initial(globalSpec, seed: 7);
        var half = LocalTrainer.Train(halfSpec, SubModel.Extract(global, globalSpec, halfSpec), mnist.TrainTensors, clients[0], settings, seed: 1, CancellationToken.None);
        var full = LocalTrainer.Train(globalSpec, global, mnist.TrainTensors, clients[1], settings, seed: 2, CancellationToken.None);
        var average = new TieredAverage(global);
        average.Add(half.Parameters, halfSpec, globalSpec, half.Samples);
        average.Add(full.Parameters, globalSpec, globalSpec, full.Samples);

        var result = average.Result();

        var evaluation = ModelEvaluator.Evaluate(globalSpec, result, mnist.TestTensors);
        output.WriteLine($"{half.Samples} + {full.Samples} samples: test accuracy {evaluation.Accuracy:P2}, loss {evaluation.Loss:F3}");
        Assert.True(evaluation.Accuracy > 0.5, $"test accuracy {evaluation.Accuracy:P2}");
    }
}
