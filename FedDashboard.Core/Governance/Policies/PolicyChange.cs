namespace FedDashboard.Core.Governance.Policies;

public enum PolicyChangeOutcome
{
    Saved,

    /// <summary>Someone else changed the policy since the caller read it; nothing was stored.</summary>
    Conflict,

    Missing,
}

/// <summary>The outcome of a policy change and, when saved, the stored revision.</summary>
public sealed record PolicyChange(PolicyChangeOutcome Outcome, int Revision = 0, DateTimeOffset? ChangedAt = null);
