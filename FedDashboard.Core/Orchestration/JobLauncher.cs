using FedDashboard.Core.Governance.Audit;
using FedDashboard.Core.Governance;
using FedDashboard.Core.Learning;
using FedDashboard.Core.Live;
using FedDashboard.Core.Orchestration.Policies;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Refusals;
using FedDashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration;

/// <summary>Creates a training job with its untrained model v0, published, and schedules its first round.</summary>
public sealed class JobLauncher(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    IRoundScheduler scheduler,
    ILivePublisher live,
    TimeProvider clock)
{
    public async Task<TrainingJob> LaunchAsync(string name, TrainingSettings settings, JobPolicy policy, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, "start a training job", AuditAction.JobStarted, AuditSubject.Job, "new", now, ct);
        var fleetSize = await db.Terminals.CountAsync(ct);
        if (fleetSize == 0) throw new ConflictException("There are no terminals to train with; the fleet is empty.");

        var job = new TrainingJob(name, settings, policy, fleetSize, actor.Name, now);
        var initialHash = blobs.Put(ModelInitializer.Initial(new ModelSpec(settings.Model), settings.Seed));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.TrainingJobs.Add(job);
        await db.SaveChangesAsync(ct);
        var initial = ModelVersion.Initial(job.Id, initialHash, now);
        db.ModelVersions.Add(initial);
        db.Audit(actor, AuditAction.JobStarted, AuditSubject.Job, job.Id, null, new { job.Name, job.Settings, job.Policy }, now);
        await db.SaveChangesAsync(ct);
        job.PublishInitial(initial);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        scheduler.StartNextRound(job.Id, TimeSpan.Zero);
        await live.PublishAsync(new JobChanged(job.Id, job.Status, null, now));
        return job;
    }
}
