using FedDashboard.Core.Domain.Policies.Job;

namespace FedDashboard.Tests.Core.Policies;

public sealed class AggregationPolicyTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(JobPolicy.Default.Validate());
    }

    [Theory]
    [InlineData(nameof(AggregationPolicy.ServerMomentum), "momentum is from 0 to below 1 (was 1)")]
    [InlineData(nameof(AggregationPolicy.ServerLearningRate), "learning rate is above 0 and at most 10 (was 0)")]
    [InlineData(nameof(AggregationPolicy.AdamBeta1), "β₁ is from 0 to below 1 (was 1)")]
    [InlineData(nameof(AggregationPolicy.AdamBeta2), "β₂ is from 0 to below 1 (was -0.5)")]
    [InlineData(nameof(AggregationPolicy.AdamTau), "τ is above 0 and at most 1 (was 0)")]
    [InlineData(nameof(AggregationPolicy.ProximalMu), "μ is from 0 to 100 (was -1)")]
    [InlineData(nameof(AggregationPolicy.KrumByzantine), "attackers tolerated are from 0 to 100 (was -1)")]
    [InlineData(nameof(AggregationPolicy.KrumSelected), "from 1 to 1000 results (was 0)")]
    public void Validate_OneSettingOutOfRange_OneErrorNamingItAndTheValue(string field, string message)
    {
        var broken = new AggregationPolicy
        {
            ServerMomentum = field == nameof(AggregationPolicy.ServerMomentum) ? 1 : 0.9,
            ServerLearningRate = field == nameof(AggregationPolicy.ServerLearningRate) ? 0 : 1,
            AdamBeta1 = field == nameof(AggregationPolicy.AdamBeta1) ? 1 : 0.9,
            AdamBeta2 = field == nameof(AggregationPolicy.AdamBeta2) ? -0.5 : 0.99,
            AdamTau = field == nameof(AggregationPolicy.AdamTau) ? 0 : 1e-3,
            ProximalMu = field == nameof(AggregationPolicy.ProximalMu) ? -1 : 0.01,
            KrumByzantine = field == nameof(AggregationPolicy.KrumByzantine) ? -1 : 1,
            KrumSelected = field == nameof(AggregationPolicy.KrumSelected) ? 0 : 1,
        };

        var error = Assert.Single((JobPolicy.Default with { Aggregation = broken }).Validate());

        Assert.Equal($"Aggregation.{field}", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(AggregationRule.FedProx, 0.3)]
    [InlineData(AggregationRule.FedAvg, 0)]
    [InlineData(AggregationRule.FedAdam, 0)]
    public void TerminalProximalMu_OnlyFedProxTrainsWithMu(AggregationRule rule, double expected)
    {
        Assert.Equal(expected, new AggregationPolicy { Rule = rule, ProximalMu = 0.3 }.TerminalProximalMu);
    }
}
