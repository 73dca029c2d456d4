using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance.Proposals;

/// <summary>
/// Where an operator's job policy change goes: a change that relaxes the policy becomes a proposal, any other takes
/// effect at once. Either way the job's pending proposal no longer applies (it would replace the newer policy) and is
/// superseded, audited in the same commit. The caller runs it inside a transaction.
/// </summary>
internal static class JobPolicyGate
{
    /// <returns>The proposal when the change was stored as one; null when the caller applies it now.</returns>
    /// <exception cref="InvalidInputException">The policy breaks a rule; nothing changed.</exception>
    public static async Task<JobPolicyProposal?> ProposeIfRelaxingAsync(this FedDbContext db, Actor actor, TrainingJob job, JobPolicy policy,
        DateTimeOffset at, CancellationToken ct)
    {
        PolicyRules.ThrowIfBroken(policy);
        var relaxations = JobPolicyRelaxation.Between(job.Policy, policy);
        await db.SupersedePendingAsync(actor, job.Id, relaxations.Count > 0
            ? $"{actor.Name} proposed a newer change."
            : $"{actor.Name} changed the job's policy, which this proposal would have replaced.", at, ct);
        if (relaxations.Count == 0) return null;

        var proposal = new JobPolicyProposal(job.Id, policy, job.PolicyRevision, relaxations, actor.Name, at);
        db.JobPolicyProposals.Add(proposal);
        // The audit row names the proposal, so it is saved first; the caller's commit takes both.
        await db.SaveChangesAsync(ct);
        db.Audit(actor, AuditAction.PolicyProposed, AuditSubject.Job, job.Id, job.Policy, policy, at,
            $"Proposal {proposal.Id} against revision {job.PolicyRevision}: {proposal.Relaxations}. It waits for an approver other than {actor.Name}.");
        return proposal;
    }

    private static async Task SupersedePendingAsync(this FedDbContext db, Actor actor, int jobId, string why, DateTimeOffset at, CancellationToken ct)
    {
        var pending = await db.JobPolicyProposals.Where(p => p.JobId == jobId && p.Status == ProposalStatus.Pending).ToListAsync(ct);
        foreach (var proposal in pending)
        {
            proposal.Supersede(actor.Name, why, at);
            db.Audit(actor, AuditAction.PolicyProposalSuperseded, AuditSubject.Job, jobId, null, new { Proposal = proposal.Id, proposal.ProposedBy, proposal.Relaxations }, at, why);
        }
        // Saved before a new proposal is added: the database keeps one pending proposal per job, checked row by row.
        if (pending.Count > 0) await db.SaveChangesAsync(ct);
    }
}
