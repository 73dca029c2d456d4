using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class LocalTrainerTests(MnistFixture mnist)
{
    private static readonly ModelSpec _spec = new(ModelArchitecture.Mlp2NN);
    private static readonly LocalTrainingSettings _settings = new(Epochs: 2, BatchSize: 10, LearningRate: 0.05);
    private static readonly int[] _firstClient = Partitioner.Iid(60000, 100, seed: 5)[0];

    [Fact]
    public void Train_600Samples_LowersTestLoss()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);
        var before = ModelEvaluator.Evaluate(_spec, start, mnist.TestTensors);

        var result = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _firstClient, _settings, seed: 1, CancellationToken.None);

        var after = ModelEvaluator.Evaluate(_spec, result.Parameters, mnist.TestTensors);
        Assert.True(after.Loss < before.Loss * 0.5, $"test loss before {before.Loss:F3}, after {after.Loss:F3}");
    }

    [Fact]
    public void Train_600SamplesTwoEpochsBatch10_Reports120StepsAnd600Samples()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);

        var result = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _firstClient, _settings, seed: 1, CancellationToken.None);

        Assert.Equal((120, 600), (result.Steps, result.Samples));
    }

    [Fact]
    public void Train_PartialLastBatch_CountsItAsAStep()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);
        var settings = _settings with { Epochs = 1 };

        var result = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _firstClient[..25], settings, seed: 1, CancellationToken.None);

        Assert.Equal(3, result.Steps);
    }

    [Fact]
    public void Train_SameSeed_GivesSameParameters()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);
        var settings = _settings with { Epochs = 1 };

        var first = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _firstClient, settings, seed: 9, CancellationToken.None);
        var second = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _firstClient, settings, seed: 9, CancellationToken.None);

        Assert.Equal(first.Parameters["fc3.weight"].Values, second.Parameters["fc3.weight"].Values);
    }

    [Fact]
    public async Task Train_TwoConcurrentTrainingsOnSharedTensors_MatchSequentialResults()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);
        var settings = _settings with { Epochs = 1 };
        var clients = Partitioner.Iid(60000, 100, seed: 5);
        LocalTrainingResult TrainClient(int client) =>
            LocalTrainer.Train(_spec, start, mnist.TrainTensors, clients[client], settings, seed: client, CancellationToken.None);
        var sequential = new[] { TrainClient(1), TrainClient(2) };

        var concurrent = await Task.WhenAll(
            Task.Factory.StartNew(() => TrainClient(1), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => TrainClient(2), TaskCreationOptions.LongRunning));

        for (var i = 0; i < 2; i++)
        {
            var expected = sequential[i].Parameters["fc3.weight"].Values;
            var actual = concurrent[i].Parameters["fc3.weight"].Values;
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, tolerance: 1e-5f));
        }
    }

    [Fact]
    public void Train_CancelledToken_ThrowsOperationCanceledException()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            LocalTrainer.Train(_spec, start, mnist.TrainTensors, _firstClient, _settings, seed: 1, cancelled.Token));
    }

    [Fact]
    public void Train_IndexOutsideData_ThrowsArgumentExceptionNamingIndex()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);

        var error = Assert.Throws<ArgumentException>(() =>
            LocalTrainer.Train(_spec, start, mnist.TestTensors, [0, 10000], _settings, seed: 1, CancellationToken.None));

        Assert.Contains("Sample index 10000", error.Message);
    }

    [Fact]
    public void Train_StartFromOtherArchitecture_ThrowsArgumentException()
    {
        var cnnStart = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Cnn, Width: 0.25), seed: 1);

        Assert.Throws<ArgumentException>(() =>
            LocalTrainer.Train(_spec, cnnStart, mnist.TrainTensors, _firstClient, _settings, seed: 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, 10, 0.1)]
    [InlineData(1, 0, 0.1)]
    [InlineData(1, 10, 0)]
    [InlineData(1, 10, double.NaN)]
    public void LocalTrainingSettings_NonPositiveValue_ThrowsArgumentOutOfRangeException(int epochs, int batchSize, double learningRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalTrainingSettings(epochs, batchSize, learningRate));
    }
}
