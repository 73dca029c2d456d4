using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance.Proposals;

/// <summary>
/// Approvers' decisions on proposed job policy changes: accepting one makes it the job's next policy revision, in
/// effect from the next round; rejecting one needs a reason. Deciding needs the approver role and someone other than the
/// proposer, and other than whoever started the job: auto-approve approves the job's versions in an approver's stead,
/// so whoever may not approve them may not accept it either. Each decision, and each refusal, is audited.
/// </summary>
/// <exception cref="AccessDeniedException">The actor may not decide; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="NotFoundException">No such proposal.</exception>
/// <exception cref="InvalidInputException">A rejection without a reason, or an over-long comment; nothing changes.</exception>
/// <exception cref="ConflictException">The proposal is no longer pending, the job's policy or the job changed since, or the job has ended; nothing changes.</exception>
public sealed class JobPolicyProposals(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    public Task<JobPolicyProposal> AcceptAsync(Actor actor, int proposalId, string? comment, CancellationToken ct = default) =>
        DecideAsync(actor, proposalId, AuditAction.PolicyProposalAccepted, "accept", (db, job, proposal, at) =>
        {
            if (job.Status is JobStatus.Completed or JobStatus.Aborted)
                throw new ConflictException($"Job \"{job.Name}\" has ended ({job.Status}); its policy no longer changes.");
            var before = job.Policy;
            proposal.Accept(actor.Name, comment, job.PolicyRevision, at);
            job.ChangePolicy(proposal.Policy, at);
            // A policy change like any other for the job's history, which reads these rows too.
            db.Audit(actor, AuditAction.PolicyProposalAccepted, AuditSubject.Job, job.Id, before, job.Policy, at,
                $"Revision {job.PolicyRevision}: proposal {proposal.Id} by {proposal.ProposedBy} ({proposal.Relaxations}) accepted by {actor.Name}{Remark(proposal.DecisionComment)}");
        }, ct);

    public Task<JobPolicyProposal> RejectAsync(Actor actor, int proposalId, string? reason, CancellationToken ct = default) =>
        DecideAsync(actor, proposalId, AuditAction.PolicyProposalRejected, "reject", (db, job, proposal, at) =>
        {
            proposal.Reject(actor.Name, reason, at);
            db.Audit(actor, AuditAction.PolicyProposalRejected, AuditSubject.Job, job.Id, job.Policy, proposal.Policy, at,
                $"Proposal {proposal.Id} by {proposal.ProposedBy} rejected: {proposal.DecisionComment}");
        }, ct);

    private async Task<JobPolicyProposal> DecideAsync(Actor actor, int proposalId, AuditAction action, string verb,
        Action<FedDbContext, TrainingJob, JobPolicyProposal, DateTimeOffset> decide, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.JobPolicyProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw new NotFoundException($"There is no policy proposal {proposalId}.");
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == proposal.JobId, ct);
        var now = clock.GetUtcNow();
        var what = $"{verb} the proposed policy change of job \"{job.Name}\"";
        await db.DemandAsync(actor, actor.CanApprove, $"{what} without the approver role", action, AuditSubject.Job, job.Id, now, ct);
        await db.DemandAsync(actor, actor.CanApproveFor(proposal.ProposedBy), $"{what}, which they proposed themselves", action, AuditSubject.Job, job.Id, now, ct);
        await db.DemandAsync(actor, actor.CanApproveFor(job.CreatedBy), $"{what}, a job they started themselves", action, AuditSubject.Job, job.Id, now, ct);

        decide(db, job, proposal, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"The proposal or job \"{job.Name}\" changed meanwhile; reload to see where they stand.");
        }
        return proposal;
    }

    private static string Remark(string? comment) => comment is null ? "." : $": {comment}";
}
