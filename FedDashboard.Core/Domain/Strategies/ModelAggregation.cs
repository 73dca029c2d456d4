using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>The aggregation rule a job's policy chooses, the same at the edges and at the centre.</summary>
public static class ModelAggregation
{
    public static IModelAggregation For(AggregationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Rule switch
        {
            // The server optimizers step after the average, and FedProx changes only the terminals' training.
            AggregationRule.FedAvg or AggregationRule.FedAvgM or AggregationRule.FedAdam or AggregationRule.FedProx => new FedAvg(),
            AggregationRule.CoordinateMedian => new CoordinateMedian(),
            AggregationRule.TrimmedMean => new TrimmedMean(policy.TrimFraction),
            AggregationRule.NormClipping => new NormClipping(policy.ClipFactor),
            AggregationRule.Krum => new Krum(policy.KrumByzantine, policy.KrumSelected),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Rule, "Unknown aggregation rule."),
        };
    }
}
