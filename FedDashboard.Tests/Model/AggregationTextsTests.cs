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

    [Fact]
    public void Describe_FedAdam_NamesItsSettings()
    {
        var text = AggregationTexts.Describe(new AggregationPolicy { Rule = AggregationRule.FedAdam, AdamLearningRate = 0.02, AdamBeta1 = 0.9, AdamBeta2 = 0.99, AdamTau = 0.001 });

        Assert.Equal("FedAdam (FedAvg, then a server Adam step: η 0.02, β₁ 0.9, β₂ 0.99, τ 0.001)", text);
    }

    [Fact]
    public void Describe_MultiKrum_NamesFAndM()
    {
        var text = AggregationTexts.Describe(new AggregationPolicy { Rule = AggregationRule.Krum, KrumByzantine = 2, KrumSelected = 3 });

        Assert.Equal("Krum (tolerating f = 2, averaging the best 3)", text);
    }
}
