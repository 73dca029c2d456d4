namespace FedDashboard.Core.Domain.Policies.Reward;

/// <summary>
/// Rewards how often a terminal has trained: the share of the job's previous <see cref="WindowRounds"/> rounds in which
/// its result was accepted moves the reward up to ×(1 + <see cref="Weight"/>); a negative weight favours terminals that
/// trained less, spreading the work.
/// </summary>
public sealed record FrequencyFactor
{
    /// <summary>From −1 to 1; 0 means frequency does not matter.</summary>
    public double Weight { get; init; } = 0.2;

    public int WindowRounds { get; init; } = 10;

    public double Multiplier(int acceptedInWindow) => 1 + Weight * Math.Min((double)acceptedInWindow / WindowRounds, 1);

    public IEnumerable<PolicyError> Problems(string prefix)
    {
        if (!(Weight is >= -1 and <= 1)) yield return new($"{prefix}{nameof(Weight)}", $"The participation frequency weight is from -1 to 1 (was {Weight}).");
        if (WindowRounds is < 1 or > 10_000) yield return new($"{prefix}{nameof(WindowRounds)}", $"Frequency is counted over 1 to 10000 previous rounds (was {WindowRounds}).");
    }
}
