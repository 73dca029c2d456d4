namespace FedDashboard.Core.Domain.Policies.Job;

public sealed record PromotionPolicy
{
    public PromotionRule Rule { get; init; } = PromotionRule.Always;

    /// <summary>For <see cref="PromotionRule.AtLeastReference"/>: test accuracy from 0 to 1.</summary>
    public double ReferenceAccuracy { get; init; } = 0.9;

    /// <summary>For <see cref="PromotionRule.BetterThanParent"/>: accuracy points (0–1) above the parent's; 0 allows a tie.</summary>
    public double Margin { get; init; }

    public IEnumerable<PolicyError> Problems(string prefix)
    {
        if (!Enum.IsDefined(Rule)) yield return new($"{prefix}{nameof(Rule)}", $"Must be one of {string.Join(", ", Enum.GetNames<PromotionRule>())}.");
        if (!(ReferenceAccuracy is >= 0 and <= 1)) yield return new($"{prefix}{nameof(ReferenceAccuracy)}", $"The reference accuracy is a fraction from 0 to 1 (was {ReferenceAccuracy}).");
        if (!(Margin is >= 0 and <= 1)) yield return new($"{prefix}{nameof(Margin)}", $"The margin is a fraction from 0 to 1 (was {Margin}).");
    }
}
