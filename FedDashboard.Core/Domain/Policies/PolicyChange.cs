
namespace FedDashboard.Core.Domain.Policies;

public enum PolicyChangeOutcome
{
    Saved,

    /// <summary>The change relaxes the policy and waits as a proposal for an approver other than the proposer; the policy is unchanged.</summary>
    Proposed,

    /// <summary>Someone else changed the policy since the caller read it; nothing was stored.</summary>
    Conflict,

    Missing,
}

/// <summary>The outcome of a policy change and, when saved, the stored revision; when proposed, the proposal and what it relaxes.</summary>
public sealed record PolicyChange(PolicyChangeOutcome Outcome, int Revision = 0, DateTimeOffset? ChangedAt = null, int? ProposalId = null, string? Relaxations = null);
