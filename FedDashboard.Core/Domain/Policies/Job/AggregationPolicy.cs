using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Domain.Policies.Job;

public sealed record AggregationPolicy
{
    public AggregationRule Rule { get; init; } = AggregationRule.FedAvg;

    /// <summary>For <see cref="AggregationRule.TrimmedMean"/>: the fraction of values dropped at each end, per parameter.</summary>
    public double TrimFraction { get; init; } = 0.2;

    /// <summary>For <see cref="AggregationRule.NormClipping"/>: updates are shrunk to this multiple of the median update norm.</summary>
    public double ClipFactor { get; init; } = 1.0;

    public IEnumerable<PolicyError> Problems(string prefix)
    {
        if (!Enum.IsDefined(Rule)) yield return new($"{prefix}{nameof(Rule)}", $"Must be one of {string.Join(", ", Enum.GetNames<AggregationRule>())}.");
        if (!(TrimFraction is >= 0 and < 0.5)) yield return new($"{prefix}{nameof(TrimFraction)}", $"The trimmed fraction at each end is from 0 to below 0.5 (was {TrimFraction}).");
        if (!(ClipFactor > 0 && double.IsFinite(ClipFactor))) yield return new($"{prefix}{nameof(ClipFactor)}", $"The clipping factor is a finite number above 0 (was {ClipFactor}).");
    }
}
