using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance;

/// <summary>
/// Approvers' decisions on a job's versions: approve or reject a version pending approval, publish an approved
/// one (edges hand it out from the next round on) or roll back to an earlier approved one. Every move needs the approver
/// role; approving or rejecting also needs someone other than who started the job. Each decision, and each refusal, is
/// audited.
/// </summary>
/// <remarks>
/// Publishing and rolling back need the approver role too: handing a model to every terminal is a release decision, and
/// the separation of duties already holds, since what is published was approved by someone who did not start the job.
/// </remarks>
/// <exception cref="AccessDeniedException">The actor may not make the move; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="NotFoundException">The version does not exist.</exception>
/// <exception cref="ConflictException">The move is illegal from the version's state, or it changed meanwhile; nothing changes.</exception>
/// <exception cref="InvalidInputException">The comment is too long; nothing changes.</exception>
public sealed class VersionDecisions(IDbContextFactory<FedDbContext> dbFactory, ILivePublisher live, TimeProvider clock)
{
    public Task<ModelVersion> ApproveAsync(int versionId, Actor actor, string? comment, CancellationToken ct = default) =>
        ActAsync(versionId, actor, AuditAction.VersionApproved, "approve", (db, _, version, at) =>
        {
            db.Approve(actor, version, comment, at);
            return Task.CompletedTask;
        }, ct);

    public Task<ModelVersion> RejectAsync(int versionId, Actor actor, string? comment, CancellationToken ct = default) =>
        ActAsync(versionId, actor, AuditAction.VersionRejected, "reject", (db, _, version, at) =>
        {
            db.Reject(actor, version, comment, at);
            return Task.CompletedTask;
        }, ct);

    public Task<ModelVersion> PublishAsync(int versionId, Actor actor, CancellationToken ct = default) =>
        ActAsync(versionId, actor, AuditAction.VersionPublished, "publish", (db, job, version, at) => db.PublishAsync(actor, job, version, at, ct), ct);

    public Task<ModelVersion> RollBackAsync(int versionId, Actor actor, CancellationToken ct = default) =>
        ActAsync(versionId, actor, AuditAction.VersionRolledBack, "roll back to", (db, job, version, at) => db.RollBackAsync(actor, job, version, at, ct), ct);

    private async Task<ModelVersion> ActAsync(int versionId, Actor actor, AuditAction action, string verb,
        Func<FedDbContext, TrainingJob, ModelVersion, DateTimeOffset, Task> move, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.ModelVersions.SingleOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw new NotFoundException($"Model version {versionId} does not exist.");
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == version.JobId, ct);
        var now = clock.GetUtcNow();
        var what = $"{verb} {version.Label} of job \"{job.Name}\"";
        await db.DemandAsync(actor, actor.CanApprove, $"{what} without the approver role", action, AuditSubject.ModelVersion, version.Id, now, ct);
        // Nobody decides on what they asked for; a release only hands out what someone else approved.
        if (action is AuditAction.VersionApproved or AuditAction.VersionRejected)
            await db.DemandAsync(actor, actor.CanApproveFor(job.CreatedBy), $"{what}, which they started themselves", action, AuditSubject.ModelVersion, version.Id, now, ct);

        await move(db, job, version, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"{version.Label} or its job changed meanwhile; reload to see where they stand.");
        }
        var round = version.RoundId is { } roundId ? await db.Rounds.Where(r => r.Id == roundId).Select(r => (int?)r.Number).SingleAsync(ct) : null;
        await live.PublishAsync(new ModelVersionChanged(version.JobId, version.Id, version.Number, round, version.TestAccuracy, version.TestLoss, version.Status, now));
        return version;
    }
}
