using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Model;

namespace FedDashboard.Tests.Model;

public sealed class AggregationTextsTests
{
    [Fact]
    public void Describe_TrimmedMean_NamesTheFractionDroppedAtEachEnd()
    {
        var text = AggregationTexts.Describe(new AggregationPolicy { Rule = AggregationRule.TrimmedMean, TrimFraction = 0.25 });

        Assert.Equal("trimmed mean (0.25 of the values dropped at each end)", text);
    }

    [Fact]
    public void Describe_NormClipping_NamesTheFactor()
    {
        var text = AggregationTexts.Describe(new AggregationPolicy { Rule = AggregationRule.NormClipping, ClipFactor = 1.5 });

        Assert.Equal("norm clipping (updates shrunk to 1.5 × the median update norm, then FedAvg)", text);
    }
}
