using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Core.Domain.Governance.Proposals;

/// <summary>
/// A job policy change that relaxes how versions reach the terminals (<see cref="JobPolicyRelaxation"/>): stored instead
/// of applied, it takes effect only when an approver other than the proposer accepts it, and only while the job's policy
/// is still the revision it was proposed against. At most one proposal per job is pending.
/// </summary>
public sealed class JobPolicyProposal
{
    public const int MaxCommentLength = 1000;

    /// <summary>The comment's name in requests and on pages, for a refusal shown at its field.</summary>
    public const string CommentField = "comment";

    private JobPolicyProposal() => (Policy, ProposedBy, Relaxations) = (JobPolicy.Default, "", "");

    public JobPolicyProposal(int jobId, JobPolicy policy, int baseRevision, IReadOnlyList<string> relaxations, string proposedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        PolicyRules.ThrowIfBroken(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(proposedBy);
        if (relaxations.Count == 0) throw new ArgumentException("Only a change that relaxes the job's policy needs a proposal.", nameof(relaxations));
        JobId = jobId;
        Policy = policy;
        BaseRevision = baseRevision;
        Relaxations = string.Join("; ", relaxations);
        ProposedBy = proposedBy;
        ProposedAt = at;
        Status = ProposalStatus.Pending;
    }

    public int Id { get; private set; }
    public int JobId { get; private set; }

    /// <summary>The whole policy the job would have: a proposal replaces the policy as an immediate change does.</summary>
    public JobPolicy Policy { get; private set; }

    /// <summary>The job's policy revision the proposal was made against; accepting it needs the job still there.</summary>
    public int BaseRevision { get; private set; }

    /// <summary>What the proposal relaxes, in words, for the approver.</summary>
    public string Relaxations { get; private set; }

    public string ProposedBy { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public ProposalStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The approver's comment or reason for rejecting, or why the proposal was superseded.</summary>
    public string? DecisionComment { get; private set; }

    public uint Version { get; private set; }

    /// <param name="jobRevision">The job's policy revision now.</param>
    public void Accept(string approver, string? comment, int jobRevision, DateTimeOffset at)
    {
        EnsurePending();
        EnsureNotProposer(approver);
        if (jobRevision != BaseRevision)
            throw new ConflictException($"Job {JobId}'s policy changed since this proposal (revision {BaseRevision}, now {jobRevision}); it no longer applies. Propose the change again.");
        Decide(ProposalStatus.Accepted, approver, comment, at);
    }

    public void Reject(string approver, string? reason, DateTimeOffset at)
    {
        EnsurePending();
        EnsureNotProposer(approver);
        Decide(ProposalStatus.Rejected, approver,
            TextInput.Required(reason, MaxCommentLength, CommentField, "A comment", "A rejection needs a reason, so the proposer knows why."), at);
    }

    /// <summary>The job's policy changed (another proposal, an immediate change): this proposal no longer applies.</summary>
    public void Supersede(string by, string why, DateTimeOffset at)
    {
        EnsurePending();
        Decide(ProposalStatus.Superseded, by, why, at);
    }

    private void Decide(ProposalStatus status, string by, string? comment, DateTimeOffset at)
    {
        var trimmed = TextInput.Optional(comment, MaxCommentLength, CommentField, "A comment");
        Status = status;
        DecidedBy = by;
        DecidedAt = at;
        DecisionComment = trimmed;
    }

    private void EnsurePending()
    {
        if (Status != ProposalStatus.Pending)
            throw new ConflictException($"The proposal for job {JobId} is {Status.ToString().ToLowerInvariant()}{(DecidedBy is null ? "" : $" (by {DecidedBy})")}; only a pending proposal can be decided.");
    }

    private void EnsureNotProposer(string approver)
    {
        if (string.Equals(approver, ProposedBy, StringComparison.OrdinalIgnoreCase))
            throw new ConflictException($"{approver} proposed this change and cannot decide on it; another approver must.");
    }
}
