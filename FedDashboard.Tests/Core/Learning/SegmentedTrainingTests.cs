using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Segments;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class SegmentedTrainingTests(MnistFixture mnist)
{
    private static readonly ModelSpec _spec = new(ModelArchitecture.Mlp2NN);
    private static readonly LocalTrainingSettings _settings = new(Epochs: 1, BatchSize: 10, LearningRate: 0.05);
    private static readonly int[] _samples = Partitioner.Iid(60000, 200, seed: 3)[0];

    [Fact]
    public void Train_OnlyFc2_LeavesEveryOtherArrayBitIdentical()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);

        var result = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _samples, _settings, seed: 1, CancellationToken.None, trainableSegments: new HashSet<string> { "fc2" });

        Assert.All(
            start.Arrays.Where(array => ModelSegments.SegmentOf(array.Name) != "fc2"),
            array => Assert.Equal(Bits(array.Values), Bits(result.Parameters[array.Name].Values)));
    }

    [Fact]
    public void Train_OnlyFc2_ChangesFc2()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);

        var result = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _samples, _settings, seed: 1, CancellationToken.None, trainableSegments: new HashSet<string> { "fc2" });

        Assert.NotEqual(start["fc2.weight"].Values, result.Parameters["fc2.weight"].Values);
        Assert.NotEqual(start["fc2.bias"].Values, result.Parameters["fc2.bias"].Values);
    }

    [Fact]
    public void Train_AllSegmentsNamed_MatchesUnrestrictedTraining()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);
        var all = ModelSegments.Of(_spec.Architecture).ToHashSet();

        var restricted = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _samples, _settings, seed: 1, CancellationToken.None, trainableSegments: all);

        var unrestricted = LocalTrainer.Train(_spec, start, mnist.TrainTensors, _samples, _settings, seed: 1, CancellationToken.None);
        Assert.All(unrestricted.Parameters.Arrays, array => Assert.Equal(array.Values, restricted.Parameters[array.Name].Values));
    }

    [Fact]
    public void Train_UnknownSegment_ThrowsArgumentExceptionNamingIt()
    {
        var start = ModelInitializer.Initial(_spec, seed: 1);

        var error = Assert.Throws<ArgumentException>(() =>
            LocalTrainer.Train(_spec, start, mnist.TrainTensors, _samples, _settings, seed: 1, CancellationToken.None, trainableSegments: new HashSet<string> { "conv2" }));

        Assert.Contains("'conv2'", error.Message);
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
