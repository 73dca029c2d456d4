namespace FedDashboard.Core.Domain.Policies.Job;

/// <summary>When a job ends; a bound left empty does not apply.</summary>
public sealed record TerminationPolicy
{
    public int MaxRounds { get; init; } = 200;

    /// <summary>The job completes once a version reaches this test accuracy.</summary>
    public double? TargetAccuracy { get; init; }

    /// <summary>The job completes this long after it started.</summary>
    public double? MaxDurationMinutes { get; init; }

    /// <summary>The job ends when fewer terminals than this can be selected for a round.</summary>
    public int? MinEligibleTerminals { get; init; }

    /// <summary>The job ends when the mean CPU load of the terminals in coverage exceeds this fraction.</summary>
    public double? MaxMeanLoad { get; init; }

    public IEnumerable<PolicyError> Problems(string prefix)
    {
        if (MaxRounds is < 1 or > 100_000) yield return new($"{prefix}{nameof(MaxRounds)}", $"The maximum number of rounds is from 1 to 100000 (was {MaxRounds}).");
        if (TargetAccuracy is { } target && !(target is > 0 and <= 1))
            yield return new($"{prefix}{nameof(TargetAccuracy)}", $"The target accuracy is a fraction above 0 and at most 1, or empty (was {target}).");
        if (MaxDurationMinutes is { } minutes && !(minutes > 0 && minutes <= 525_600))
            yield return new($"{prefix}{nameof(MaxDurationMinutes)}", $"The maximum duration is above 0 and at most 525600 minutes (a year), or empty (was {minutes}).");
        if (MinEligibleTerminals is < 1 or > 1_000_000)
            yield return new($"{prefix}{nameof(MinEligibleTerminals)}", $"The minimum number of eligible terminals is from 1 to 1000000, or empty (was {MinEligibleTerminals}).");
        if (MaxMeanLoad is { } load && !(load is > 0 and <= 1))
            yield return new($"{prefix}{nameof(MaxMeanLoad)}", $"The maximum mean CPU load is a fraction above 0 and at most 1, or empty (was {load}).");
    }
}
