namespace FedDashboard.Core.Domain.Policies.Reward;

/// <summary>
/// Rewards fresh data: data updated at most <see cref="FreshDays"/> ago earns ×1, data <see cref="StaleDays"/> old or
/// older earns ×(1 − <see cref="Weight"/>), linearly in between.
/// </summary>
public sealed record RecencyFactor
{
    /// <summary>From 0 (age does not matter) to 1 (stale data earns nothing).</summary>
    public double Weight { get; init; } = 0.3;

    public double FreshDays { get; init; } = 7;
    public double StaleDays { get; init; } = 90;

    public double Multiplier(TimeSpan dataAge)
    {
        var staleness = Math.Clamp((dataAge.TotalDays - FreshDays) / (StaleDays - FreshDays), 0, 1);
        return 1 - Weight * staleness;
    }

    public IEnumerable<PolicyError> Problems(string prefix)
    {
        if (!(Weight is >= 0 and <= 1)) yield return new($"{prefix}{nameof(Weight)}", $"The data recency weight is from 0 to 1 (was {Weight}).");
        if (!(FreshDays is >= 0 and <= 3650)) yield return new($"{prefix}{nameof(FreshDays)}", $"Data counts as fresh for 0 to 3650 days (was {FreshDays}).");
        if (!(StaleDays > FreshDays && StaleDays <= 3650))
            yield return new($"{prefix}{nameof(StaleDays)}", $"Data counts as stale after more days than it counts as fresh ({FreshDays}) and at most 3650 (was {StaleDays}).");
    }
}
