using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Tests.Shared;
using static FedDashboard.Tests.Shared.TestResults;

namespace FedDashboard.Tests.Core.Learning;

public sealed class FedAvgTests
{
    [Fact]
    public void Aggregate_MixedWidthsAndSegments_EqualsTheTieredAverage()
    {
        TierResult[] results =
        [
            Of((_, index) => index, hidden: 1, weight: 2),
            Of((_, index) => -index, hidden: 2, weight: 5, "fc1", "fc3"),
            Of((name, index) => name.Length + index, weight: 7),
        ];
        var tiered = new TieredAverage(Template());
        foreach (var result in results) tiered.Add(result.Read(), result.Spec, Global, result.Weight, result.Segments);

        var aggregated = new FedAvg().Aggregate(Template(), Global, results);

        var expected = tiered.Result();
        Assert.All(expected.Arrays, array => Assert.Equal(array.Values, aggregated[array.Name].Values));
    }

    [Fact]
    public void Aggregate_NoResults_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new FedAvg().Aggregate(Template(), Global, []));
    }
}
