using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;
using static FedDashboard.Tests.Shared.TestResults;

namespace FedDashboard.Tests.Core.Learning;

public sealed class NormClippingTests
{
    [Fact]
    public void Aggregate_OneUpdateFifteenTimesTheMedian_ShrinksOnlyThatUpdateToTheMedianNorm()
    {
        // From 9, updates of 1, 2 and 30 in every element: the median norm is that of the 2, so only the 30 becomes 2.
        var result = new NormClipping(1).Aggregate(Template(9), Global, [Constant(10), Constant(11), Constant(39)]);

        AssertAll(result, 9 + (1 + 2 + 2) / 3.0);
    }

    [Fact]
    public void Aggregate_ClipFactorTwo_ShrinksToTwiceTheMedianNorm()
    {
        var result = new NormClipping(2).Aggregate(Template(9), Global, [Constant(10), Constant(11), Constant(39)]);

        AssertAll(result, 9 + (1 + 2 + 4) / 3.0);
    }

    [Fact]
    public void Aggregate_ClippedUpdates_AveragedBySamples()
    {
        var result = new NormClipping(1).Aggregate(Template(9), Global, [Constant(10, weight: 1), Constant(11, weight: 3), Constant(39, weight: 1)]);

        AssertAll(result, 9 + (1 * 1 + 3 * 2 + 1 * 2) / 5.0);
    }

    [Fact]
    public void Aggregate_EveryUpdateWithinTheBound_EqualsFedAvg()
    {
        var random = new Random(5);
        var sets = Enumerable.Range(0, 4).Select(_ => TestModels.Mlp2NN(hidden: 4, value: (_, _) => (float)random.NextDouble())).ToArray();
        TierResult[] results = [.. sets.Select((set, i) => new TierResult(() => set, Global, Weight: 10 + i))];

        var clipped = new NormClipping(1000).Aggregate(Template(0.5f), Global, results);

        var averaged = new FedAvg().Aggregate(Template(0.5f), Global, results);
        Assert.All(averaged.Arrays, array => Assert.Equal(array.Values, clipped[array.Name].Values));
    }

    [Fact]
    public void Aggregate_ResultsTrainedOnlyFc3_NormsOverFc3AloneOtherLayersKeepTheTemplate()
    {
        // Frozen layers hold 1000; counted in the norms, they would hide the fc3 updates of 1, 3 and 2.
        static TierResult Fc3(float value) => Of((name, _) => name.StartsWith("fc3", StringComparison.Ordinal) ? value : 1000, segments: "fc3");

        var result = new NormClipping(1).Aggregate(Template(9), Global, [Fc3(10), Fc3(12), Fc3(11)]);

        Assert.All(result["fc3.weight"].Values, value => Assert.Equal(9 + (1 + 2 + 2) / 3.0, value, 1e-4));
        Assert.All(new[] { "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias" }, name => Assert.All(result[name].Values, value => Assert.Equal(9f, value)));
    }

    [Fact]
    public void Aggregate_NarrowResult_NormOverItsOwnBlock()
    {
        // From 0: the narrow result's update of 5 covers its 807 elements, each full one's update of 1 covers 3210.
        var result = new NormClipping(1).Aggregate(Template(0), Global, [Constant(5, hidden: 1), Constant(1), Constant(1)]);

        var narrow = 5 * (Math.Sqrt(3210) / (5 * Math.Sqrt(807)));
        Assert.Equal((narrow + 1 + 1) / 3, result["fc1.bias"].Values[0], 1e-4);
        Assert.Equal(1.0, result["fc1.bias"].Values[1], 1e-6);
        Assert.Equal((narrow + 1 + 1) / 3, result["fc3.bias"].Values[7], 1e-4);
    }

    [Fact]
    public void Aggregate_NoResults_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new NormClipping(1).Aggregate(Template(), Global, []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_FactorNotPositiveFinite_ThrowsArgumentOutOfRangeException(double factor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormClipping(factor));
    }

    private static void AssertAll(ParameterSet result, double expected) =>
        Assert.All(result.Arrays, array => Assert.All(array.Values, value => Assert.Equal(expected, value, 1e-4)));
}
