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
        _ => policy.Rule.ToString(),
    };
}
