namespace FedDashboard.Core.Domain.Policies.Reward;

/// <summary>
/// Rewards the data a result was trained on: a result of <see cref="ReferenceSamples"/> earns ×1; fewer earn less, more
/// earn more, up to ×(1 + <see cref="Weight"/>) at twice the reference.
/// </summary>
public sealed record SizeFactor
{
    /// <summary>The largest ratio to the reference that still earns more; beyond it a bigger shard earns nothing extra.</summary>
    public const double MaxRatio = 2;

    /// <summary>From 0 (size does not matter) to 1.</summary>
    public double Weight { get; init; } = 0.5;

    public int ReferenceSamples { get; init; } = 500;

    public double Multiplier(int samples) => 1 + Weight * (Math.Min((double)samples / ReferenceSamples, MaxRatio) - 1);

    public IEnumerable<PolicyError> Problems(string prefix)
    {
        if (!(Weight is >= 0 and <= 1)) yield return new($"{prefix}{nameof(Weight)}", $"The data size weight is from 0 to 1 (was {Weight}).");
        if (ReferenceSamples is < 1 or > 10_000_000) yield return new($"{prefix}{nameof(ReferenceSamples)}", $"The reference number of samples is from 1 to 10000000 (was {ReferenceSamples}).");
    }
}
