using FedDashboard.Core.Domain.Policies.Job;
using System.Globalization;

namespace FedDashboard.Core.Domain.Governance;

/// <summary>Whether a candidate becomes a version under a job's promotion policy.</summary>
public static class Promotion
{
    /// <param name="parent">The version the candidate's round started from.</param>
    /// <returns>Null when the candidate is promoted; otherwise why not, naming the values compared.</returns>
    public static string? Refusal(PromotionPolicy policy, double accuracy, ModelVersion parent) => policy.Rule switch
    {
        PromotionRule.Always => null,
        PromotionRule.AtLeastReference => accuracy >= policy.ReferenceAccuracy
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Test accuracy {accuracy:P2} is below the reference accuracy {policy.ReferenceAccuracy:P2}."),
        PromotionRule.BetterThanParent => BelowParent(accuracy, parent, policy.Margin),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Rule, "Unknown promotion rule."),
    };

    // The untrained initial model is never evaluated, so a first candidate has nothing to beat.
    private static string? BelowParent(double accuracy, ModelVersion parent, double margin) =>
        parent.TestAccuracy is not { } parentAccuracy || accuracy >= parentAccuracy + margin ? null
        : margin > 0 ? string.Create(CultureInfo.InvariantCulture, $"Test accuracy {accuracy:P2} is not above parent {parent.Label}'s {parentAccuracy:P2} by the margin {margin * 100:0.##} points.")
        : string.Create(CultureInfo.InvariantCulture, $"Test accuracy {accuracy:P2} is below parent {parent.Label}'s {parentAccuracy:P2}.");
}
