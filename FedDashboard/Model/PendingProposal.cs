using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Persistence;
using System.Text.Json;

namespace FedDashboard.Model;

/// <summary>A job's proposed policy change as the Policies page shows it: who, when, what it relaxes and every setting it would change.</summary>
public sealed record PendingProposal(int Id, string ProposedBy, DateTimeOffset ProposedAt, int BaseRevision, string Relaxations,
    IReadOnlyList<PolicyFieldChange> Changes)
{
    public static PendingProposal Of(JobPolicyProposal proposal, JobPolicy current) => new(proposal.Id, proposal.ProposedBy, proposal.ProposedAt,
        proposal.BaseRevision, proposal.Relaxations, PolicyDiff.Between(Json(current), Json(proposal.Policy)));

    /// <summary>Why <paramref name="actor"/> may not decide on it, or null when they may; Core checks the same on every decision.</summary>
    public string? WhyNotDecider(Actor actor, string jobCreatedBy) =>
        !actor.CanApprove ? "Only an approver may accept or reject it."
        : !actor.CanApproveFor(ProposedBy) ? "You proposed this change; an approver other than you decides on it."
        : !actor.CanApproveFor(jobCreatedBy) ? "You started this job, so you may not approve its versions, nor accept that they be approved automatically."
        : null;

    private static string Json(JobPolicy policy) => JsonSerializer.Serialize(policy, JsonColumns.Options);
}
