using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance;

/// <summary>
/// The decisions on a version, each with its audit row in the same context, for approvers and for auto-approve alike.
/// Permissions are the caller's to check; the entities refuse illegal moves before anything is recorded.
/// </summary>
internal static class VersionMoves
{
    public static void Approve(this FedDbContext db, Actor actor, ModelVersion version, string? comment, DateTimeOffset at) =>
        db.Decide(actor, version, AuditAction.VersionApproved, () => version.Approve(actor.Name, comment, at), at);

    public static void Reject(this FedDbContext db, Actor actor, ModelVersion version, string? comment, DateTimeOffset at) =>
        db.Decide(actor, version, AuditAction.VersionRejected, () => version.Reject(actor.Name, comment, at), at);

    public static Task PublishAsync(this FedDbContext db, Actor actor, TrainingJob job, ModelVersion version, DateTimeOffset at, CancellationToken ct) =>
        db.ReplacePublishedAsync(actor, job, version, AuditAction.VersionPublished, job.Publish, at, ct);

    public static Task RollBackAsync(this FedDbContext db, Actor actor, TrainingJob job, ModelVersion version, DateTimeOffset at, CancellationToken ct) =>
        db.ReplacePublishedAsync(actor, job, version, AuditAction.VersionRolledBack, job.RollBackTo, at, ct);

    private static void Decide(this FedDbContext db, Actor actor, ModelVersion version, AuditAction action, Action decide, DateTimeOffset at)
    {
        var before = VersionState.Of(version);
        decide();
        db.Audit(actor, action, AuditSubject.ModelVersion, version.Id, before, VersionState.Of(version), at, version.DecisionComment);
    }

    private static async Task ReplacePublishedAsync(this FedDbContext db, Actor actor, TrainingJob job, ModelVersion version, AuditAction action,
        Action<ModelVersion, ModelVersion> replace, DateTimeOffset at, CancellationToken ct)
    {
        var published = await db.ModelVersions.SingleAsync(v => v.Id == job.PublishedVersionId, ct);
        replace(version, published);
        db.Audit(actor, action, AuditSubject.ModelVersion, version.Id, PublicationState.Of(published), PublicationState.Of(version), at);
    }
}
