using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Tests.Shared;
using static FedDashboard.Tests.Shared.TestResults;

namespace FedDashboard.Tests.Core.Learning;

public sealed class CoordinateMedianTests
{
    private static readonly CoordinateMedian _median = new();

    [Fact]
    public void Aggregate_OddCount_EveryElementIsTheMiddleValue()
    {
        var result = _median.Aggregate(Template(), Global, [Constant(1), Constant(40), Constant(4)]);

        Assert.All(result.Arrays, array => Assert.All(array.Values, value => Assert.Equal(4f, value)));
    }

    [Fact]
    public void Aggregate_EvenCount_EveryElementIsTheMeanOfTheTwoMiddleValues()
    {
        var result = _median.Aggregate(Template(), Global, [Constant(100), Constant(1), Constant(6), Constant(2)]);

        Assert.All(result.Arrays, array => Assert.All(array.Values, value => Assert.Equal(4f, value)));
    }

    [Fact]
    public void Aggregate_TiedMiddleValues_TakesTheTiedValue()
    {
        var result = _median.Aggregate(Template(), Global, [Constant(3), Constant(7), Constant(3), Constant(3)]);

        Assert.All(result["fc1.weight"].Values, value => Assert.Equal(3f, value));
    }

    [Fact]
    public void Aggregate_ValuesDifferPerElement_TakesEachElementsOwnMedian()
    {
        var result = _median.Aggregate(Template(), Global,
            [Of((_, index) => index), Of((_, index) => -index), Of((_, index) => 2 * index)]);

        Assert.All(result.Arrays, array => Assert.Equal(Enumerable.Range(0, array.Values.Length).Select(index => (float)index), array.Values));
    }

    [Fact]
    public void Aggregate_OneResultClaimsManyMoreSamples_WeightsDoNotMoveTheMedian()
    {
        var result = _median.Aggregate(Template(), Global, [Constant(1, weight: 10), Constant(2, weight: 10), Constant(1000, weight: 1_000_000)]);

        Assert.All(result["fc3.bias"].Values, value => Assert.Equal(2f, value));
    }

    [Fact]
    public void Aggregate_NarrowAndWideResults_EachElementOverTheResultsThatTrainedItTemplateElsewhere()
    {
        var result = _median.Aggregate(Template(9), Global, [Constant(1, hidden: 1), Constant(4, hidden: 2), Constant(10, hidden: 2)]);

        // Inside the narrow block the median of {1, 4, 10}; in the rest of the wide block that of {4, 10}; untrained: the template's 9.
        Assert.Equal(
            [
                4f, 7f, 9f, 9f,
                7f, 7f, 9f, 9f,
                9f, 9f, 9f, 9f,
                9f, 9f, 9f, 9f,
            ],
            result["fc2.weight"].Values);
        Assert.All(result["fc3.bias"].Values, value => Assert.Equal(4f, value));
    }

    [Fact]
    public void Aggregate_OneResultTrainedOnlyFc1_ItsFrozenLayersDoNotCount()
    {
        var result = _median.Aggregate(Template(), Global, [Constant(100, segments: "fc1"), Constant(1), Constant(3)]);

        Assert.All(result["fc1.weight"].Values, value => Assert.Equal(3f, value));
        Assert.All(result["fc2.weight"].Values, value => Assert.Equal(2f, value));
    }

    [Fact]
    public void Aggregate_NoResultTrainedALayer_ItKeepsTheTemplate()
    {
        var result = _median.Aggregate(Template(9), Global, [Constant(1, segments: "fc1"), Constant(2, segments: "fc1")]);

        Assert.All(result["fc1.bias"].Values, value => Assert.Equal(1.5f, value));
        Assert.All(new[] { "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias" }, name => Assert.All(result[name].Values, value => Assert.Equal(9f, value)));
    }

    [Fact]
    public void Aggregate_NoResults_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => _median.Aggregate(Template(), Global, []));
    }

    [Fact]
    public void Aggregate_NaNValue_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => _median.Aggregate(Template(), Global, [Constant(1), Constant(float.NaN)]));

        Assert.Contains("NaN", error.Message);
    }
}
