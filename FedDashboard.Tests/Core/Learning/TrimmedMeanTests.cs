using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Tests.Shared;
using static FedDashboard.Tests.Shared.TestResults;

namespace FedDashboard.Tests.Core.Learning;

public sealed class TrimmedMeanTests
{
    [Fact]
    public void Aggregate_TwoTenthsOfFive_DropsOneAtEachEnd()
    {
        var result = new TrimmedMean(0.2).Aggregate(Template(), Global, [Constant(100), Constant(2), Constant(-50), Constant(4), Constant(3)]);

        Assert.All(result.Arrays, array => Assert.All(array.Values, value => Assert.Equal(3f, value)));
    }

    [Fact]
    public void Aggregate_TwoTenthsOfFour_DropsNothing()
    {
        var result = new TrimmedMean(0.2).Aggregate(Template(), Global, [Constant(1), Constant(2), Constant(3), Constant(10)]);

        Assert.All(result["fc1.weight"].Values, value => Assert.Equal(4f, value));
    }

    [Fact]
    public void Aggregate_QuarterOfEight_DropsTwoAtEachEnd()
    {
        float[] values = [-100, 4, 50, 1, -50, 3, 100, 2];

        var result = new TrimmedMean(0.25).Aggregate(Template(), Global, [.. values.Select(value => Constant(value))]);

        Assert.All(result["fc2.bias"].Values, value => Assert.Equal(2.5f, value));
    }

    [Fact]
    public void Aggregate_FractionTimesCountJustBelowAWholeNumberInBinary_StillDropsThatWholeNumber()
    {
        // 0.29 x 100 is 28.999... in double precision; 29 values must go at each end.
        var results = Enumerable.Repeat(-1000f, 29).Concat(Enumerable.Repeat(0f, 42)).Concat(Enumerable.Repeat(1f, 29)).Select(value => Constant(value, hidden: 1)).ToList();

        var result = new TrimmedMean(0.29).Aggregate(Template(), Global, results);

        Assert.All(result["fc3.bias"].Values, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Aggregate_ZeroFraction_IsTheUnweightedMean()
    {
        var result = new TrimmedMean(0).Aggregate(Template(), Global, [Constant(1, weight: 1), Constant(2, weight: 50), Constant(6, weight: 3)]);

        Assert.All(result["fc1.bias"].Values, value => Assert.Equal(3f, value));
    }

    [Fact]
    public void Aggregate_NarrowAndFullResults_TrimsEachElementByItsOwnCount()
    {
        // Inside the narrow block five values {0, 0, 1, 2, 9}: a quarter drops one at each end, leaving 0, 1, 2.
        // Outside it three values {1, 2, 9}: a quarter drops none.
        var result = new TrimmedMean(0.25).Aggregate(Template(), Global,
            [Constant(0, hidden: 1), Constant(0, hidden: 1), Constant(1), Constant(2), Constant(9)]);

        Assert.Equal([1f, 4f, 4f, 4f], result["fc1.bias"].Values);
        Assert.Equal(1f, result["fc2.weight"].Values[0]);
        Assert.All(result["fc2.weight"].Values.Skip(1), value => Assert.Equal(4f, value));
    }

    [Fact]
    public void Aggregate_ResultsOnDifferentLayers_EachLayerOverItsTrainersTemplateElsewhere()
    {
        var result = new TrimmedMean(0.2).Aggregate(Template(9), Global,
            [Constant(1, segments: "fc1"), Constant(3, segments: "fc1"), Constant(5, segments: "fc2")]);

        Assert.All(result["fc1.weight"].Values, value => Assert.Equal(2f, value));
        Assert.All(result["fc2.bias"].Values, value => Assert.Equal(5f, value));
        Assert.All(result["fc3.weight"].Values, value => Assert.Equal(9f, value));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Constructor_FractionOutsideZeroToBelowHalf_ThrowsArgumentOutOfRangeException(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrimmedMean(fraction));
    }
}
