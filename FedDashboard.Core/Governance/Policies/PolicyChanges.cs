using FedDashboard.Core.Governance.Audit;
using FedDashboard.Core.Orchestration.Policies;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Rewards;
using FedDashboard.Core.Rewards.Policies;
using FedDashboard.Core.Security;
using FedDashboard.Core.Topology.Policies;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Governance.Policies;

/// <summary>
/// Operators' changes to edge, job and reward policies: refused for other roles, refused against a newer policy revision
/// than the one the operator edited (or a change racing this one), and audited with the policy before and after in the same commit. A round reads
/// the policy when it starts or ends, so a change takes effect from the next round.
/// </summary>
public sealed class PolicyChanges(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    public Task<PolicyChange> ChangeEdgePolicyAsync(Actor actor, int edgeId, EdgePolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.EdgeServers, AuditSubject.Edge, edgeId, $"edge {edgeId}", policy, expectedRevision, ct);

    public Task<PolicyChange> ChangeJobPolicyAsync(Actor actor, int jobId, JobPolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.TrainingJobs, AuditSubject.Job, jobId, $"job {jobId}", policy, expectedRevision, ct);

    public Task<PolicyChange> ChangeRewardPolicyAsync(Actor actor, RewardPolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.RewardPrograms, AuditSubject.RewardPolicy, RewardProgram.TheId, "the reward program", policy, expectedRevision, ct);

    /// <summary>How often a save is tried again when the row changed meanwhile for another reason (a job's round publishing).</summary>
    private const int Attempts = 3;

    /// <exception cref="AccessDeniedException">The actor may not change policies (the refusal is audited).</exception>
    /// <exception cref="ArgumentException">The policy breaks a rule; nothing changed.</exception>
    private async Task<PolicyChange> ChangeAsync<THolder, TPolicy>(Actor actor, Func<FedDbContext, DbSet<THolder>> holders, AuditSubject subject,
        int id, string name, TPolicy policy, int expectedRevision, CancellationToken ct)
        where THolder : class, IPolicyHolder<TPolicy>
        where TPolicy : class
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await db.DemandAsync(actor, actor.CanOperate, $"change the policy of {name}", AuditAction.PolicyChanged, subject, id, clock.GetUtcNow(), ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var holder = await holders(db).SingleOrDefaultAsync(h => h.Id == id, ct);
            if (holder is null) return new(PolicyChangeOutcome.Missing);

            // Against the policy revision the operator edited, not the row: a job's row also changes as its rounds run.
            if (holder.PolicyRevision != expectedRevision) return new(PolicyChangeOutcome.Conflict);
            var now = clock.GetUtcNow();
            var before = holder.Policy;
            holder.ChangePolicy(policy, now);
            db.Audit(actor, AuditAction.PolicyChanged, subject, id, before, holder.Policy, now, $"Revision {holder.PolicyRevision}");
            try
            {
                await db.SaveChangesAsync(ct);
                return new(PolicyChangeOutcome.Saved, holder.PolicyRevision, holder.PolicyChangedAt);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // The row changed between reading and saving; the next attempt reads it again and still refuses a newer policy.
            }
            catch (DbUpdateConcurrencyException)
            {
                return new(PolicyChangeOutcome.Conflict);
            }
        }
    }
}
