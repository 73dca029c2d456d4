namespace FedDashboard.Core.Domain.Policies.Job;

/// <summary>When a candidate model becomes a new version.</summary>
public enum PromotionRule
{
    /// <summary>Every candidate becomes a version.</summary>
    Always,

    /// <summary>Its test accuracy is at least the reference accuracy.</summary>
    AtLeastReference,

    /// <summary>Its test accuracy beats its parent's by at least the margin.</summary>
    BetterThanParent,
}
