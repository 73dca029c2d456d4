using FedDashboard.Core.Governance.Audit;
using FedDashboard.Core.Orchestration.Policies;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Security;
using FedDashboard.Core.Topology.Policies;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Governance.Policies;

/// <summary>
/// Operators' changes to edge and job policies (O2): refused for other roles, refused against a newer policy revision
/// than the one the operator edited (or a change racing this one), and audited with the policy before and after in the same commit (S3). A round reads
/// the policy when it starts or ends, so a change takes effect from the next round.
/// </summary>
public sealed class PolicyChanges(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    public Task<PolicyChange> ChangeEdgePolicyAsync(Actor actor, int edgeId, EdgePolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.EdgeServers, AuditSubject.Edge, edgeId, policy, expectedRevision, ct);

    public Task<PolicyChange> ChangeJobPolicyAsync(Actor actor, int jobId, JobPolicy policy, int expectedRevision, CancellationToken ct = default) =>
        ChangeAsync(actor, db => db.TrainingJobs, AuditSubject.Job, jobId, policy, expectedRevision, ct);

    /// <exception cref="AccessDeniedException">The actor may not change policies (the refusal is audited).</exception>
    /// <exception cref="ArgumentException">The policy breaks a rule; nothing changed.</exception>
    private async Task<PolicyChange> ChangeAsync<THolder, TPolicy>(Actor actor, Func<FedDbContext, DbSet<THolder>> holders, AuditSubject subject,
        int id, TPolicy policy, int expectedRevision, CancellationToken ct)
        where THolder : class, IPolicyHolder<TPolicy>
        where TPolicy : class
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"change the policy of {subject.ToString().ToLowerInvariant()} {id}", AuditAction.PolicyChanged, subject, id, now, ct);
        var holder = await holders(db).SingleOrDefaultAsync(h => h.Id == id, ct);
        if (holder is null) return new(PolicyChangeOutcome.Missing);

        // Against the policy revision the operator edited, not the row: a job's row also changes as its rounds run.
        if (holder.PolicyRevision != expectedRevision) return new(PolicyChangeOutcome.Conflict);
        var before = holder.Policy;
        holder.ChangePolicy(policy, now);
        db.Audit(actor, AuditAction.PolicyChanged, subject, id, before, holder.Policy, now, $"Revision {holder.PolicyRevision}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(PolicyChangeOutcome.Conflict);
        }
        return new(PolicyChangeOutcome.Saved, holder.PolicyRevision, holder.PolicyChangedAt);
    }
}
