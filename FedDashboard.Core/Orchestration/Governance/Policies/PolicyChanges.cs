using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance.Policies;

/// <summary>
/// Operators' changes to edge, job and reward policies: refused for other roles, refused against a newer policy revision
/// than the one the operator edited (or a change racing this one), and audited with the policy before and after in the same commit. A round reads
/// the policy when it starts or ends, so a change takes effect from the next round. A job policy change that relaxes how versions reach the
/// terminals (<see cref="JobPolicyRelaxation"/>) is stored as a proposal instead, whole, and the job keeps its policy until an approver accepts it.
/// </summary>
public sealed class PolicyChanges(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    public Task<PolicyChange> ChangeEdgePolicyAsync(Actor actor, int edgeId, EdgePolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.EdgeServers, AuditSubject.Edge, edgeId, $"edge {edgeId}", policy, expectedRevision, ct);

    public Task<PolicyChange> ChangeJobPolicyAsync(Actor actor, int jobId, JobPolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.TrainingJobs, AuditSubject.Job, jobId, $"job {jobId}", policy, expectedRevision, ct, ProposeIfRelaxingAsync);

    public Task<PolicyChange> ChangeRewardPolicyAsync(Actor actor, RewardPolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.RewardPrograms, AuditSubject.RewardPolicy, RewardProgram.TheId, "the reward program", policy, expectedRevision, ct);

    /// <summary>How often a save is tried again when the row changed meanwhile for another reason (a job's round publishing).</summary>
    private const int Attempts = 3;

    private static async Task<PolicyChange?> ProposeIfRelaxingAsync(FedDbContext db, Actor actor, TrainingJob job, JobPolicy policy, DateTimeOffset at, CancellationToken ct) =>
        await db.ProposeIfRelaxingAsync(actor, job, policy, at, ct) is { } proposal
            ? new(PolicyChangeOutcome.Proposed, job.PolicyRevision, job.PolicyChangedAt, proposal.Id, proposal.Relaxations)
            : null;

    /// <param name="propose">Stores the change as a proposal instead and says so, or returns null to apply it now.</param>
    /// <exception cref="AccessDeniedException">The actor may not change policies (the refusal is audited).</exception>
    /// <exception cref="InvalidInputException">The policy breaks a rule; nothing changed.</exception>
    private async Task<PolicyChange> ChangeAsync<THolder, TPolicy>(Actor actor, Func<FedDbContext, DbSet<THolder>> holders, AuditSubject subject,
        int id, string name, TPolicy policy, int expectedRevision, CancellationToken ct,
        Func<FedDbContext, Actor, THolder, TPolicy, DateTimeOffset, CancellationToken, Task<PolicyChange?>>? propose = null)
        where THolder : PolicyHolder<TPolicy>
        where TPolicy : class, IPolicy<TPolicy>
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await db.DemandAsync(actor, actor.CanOperate, $"change the policy of {name}", AuditAction.PolicyChanged, subject, id, clock.GetUtcNow(), ct);
        // The row may change between reading and saving; the next attempt reads it again and still refuses a newer policy.
        return await OptimisticRetry.RunAsync(Attempts, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var holder = await holders(db).FindAsync([id], ct);
            if (holder is null) return new PolicyChange(PolicyChangeOutcome.Missing);

            // Against the policy revision the operator edited, not the row: a job's row also changes as its rounds run.
            if (holder.PolicyRevision != expectedRevision) return new PolicyChange(PolicyChangeOutcome.Conflict);
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var proposed = propose is null ? null : await propose(db, actor, holder, policy, now, ct);
                if (proposed is null)
                {
                    var before = holder.Policy;
                    holder.ChangePolicy(policy, now);
                    db.Audit(actor, AuditAction.PolicyChanged, subject, id, before, holder.Policy, now, $"Revision {holder.PolicyRevision}");
                }
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return proposed ?? new PolicyChange(PolicyChangeOutcome.Saved, holder.PolicyRevision, holder.PolicyChangedAt);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Another proposal for this job was stored since this one read the pending ones.
                return new PolicyChange(PolicyChangeOutcome.Conflict);
            }
        }, exhausted: () => new PolicyChange(PolicyChangeOutcome.Conflict));
    }
}
