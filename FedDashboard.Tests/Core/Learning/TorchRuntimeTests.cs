using FedDashboard.Core.Learning;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Training;


namespace FedDashboard.Tests.Core.Learning;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void EnsureLoaded_PatchedBuildOutput_DoesNotThrow()
    {
        var error = Record.Exception(TorchRuntime.EnsureLoaded);

        Assert.Null(error);
    }

    [Fact]
    public void Configure_OneThread_ThreadsReportsOne()
    {
        TorchRuntime.Configure(1);

        Assert.Equal(1, TorchRuntime.Threads);
    }

    [Fact]
    public void Configure_ZeroThreads_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.Configure(0));
    }

    [Fact]
    public void Evaluate_FreshModelOnTwoSamples_RunsForwardPassOverBoth()
    {
        var spec = new ModelSpec(ModelArchitecture.Cnn, Width: 0.25);
        var split = new MnistSplit([3, 7], new float[2 * MnistSplit.PixelsPerImage]);
        using var tensors = new MnistTensors(split);

        var result = ModelEvaluator.Evaluate(spec, ModelInitializer.Initial(spec, seed: 1), tensors);

        Assert.Equal(2, result.Samples);
        Assert.True(double.IsFinite(result.Loss));
    }
}
