using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Learning.Aggregation;
using System.Globalization;

namespace FedDashboard.Model;

/// <summary>An aggregation rule with its setting, as the round detail names the rule a round aggregated by.</summary>
public static class AggregationTexts
{
    public static string Describe(AggregationPolicy policy) => policy.Rule switch
    {
        AggregationRule.FedAvg => "FedAvg (mean weighted by samples)",
        AggregationRule.CoordinateMedian => "coordinate-wise median",
        AggregationRule.TrimmedMean => string.Create(CultureInfo.InvariantCulture, $"trimmed mean ({policy.TrimFraction:0.###} of the values dropped at each end)"),
        AggregationRule.NormClipping => string.Create(CultureInfo.InvariantCulture, $"norm clipping (updates shrunk to {policy.ClipFactor:0.###} × the median update norm, then FedAvg)"),
        AggregationRule.FedAvgM => string.Create(CultureInfo.InvariantCulture, $"FedAvgM (FedAvg, then a server momentum step: η {policy.ServerLearningRate:0.###}, β {policy.ServerMomentum:0.###})"),
        AggregationRule.FedAdam => string.Create(CultureInfo.InvariantCulture, $"FedAdam (FedAvg, then a server Adam step: η {policy.AdamLearningRate:0.#####}, β₁ {policy.AdamBeta1:0.###}, β₂ {policy.AdamBeta2:0.####}, τ {policy.AdamTau:0.######})"),
        AggregationRule.FedProx => string.Create(CultureInfo.InvariantCulture, $"FedProx (FedAvg of terminals trained with proximal μ {policy.ProximalMu:0.####})"),
        AggregationRule.Krum => string.Create(CultureInfo.InvariantCulture, $"Krum (tolerating f = {policy.KrumByzantine}, averaging the best {policy.KrumSelected})"),
        _ => policy.Rule.ToString(),
    };
}
