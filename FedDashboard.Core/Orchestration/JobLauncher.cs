using FedDashboard.Core.Governance;
using FedDashboard.Core.Learning;
using FedDashboard.Core.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration;

/// <summary>Creates a training job with its untrained model v0 and schedules its first round.</summary>
public sealed class JobLauncher(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    IRoundScheduler scheduler,
    ILivePublisher live,
    TimeProvider clock)
{
    public async Task<TrainingJob> LaunchAsync(string name, TrainingSettings settings, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fleetSize = await db.Terminals.CountAsync(ct);
        if (fleetSize == 0) throw new InvalidOperationException("There are no terminals to train with; the fleet is empty.");

        var now = clock.GetUtcNow();
        var job = new TrainingJob(name, settings, fleetSize, now);
        var initialHash = blobs.Put(ModelInitializer.Initial(new ModelSpec(settings.Model), settings.Seed));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.TrainingJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.ModelVersions.Add(ModelVersion.Initial(job.Id, initialHash, now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        scheduler.StartNextRound(job.Id, TimeSpan.Zero);
        await live.PublishAsync(new JobChanged(job.Id, job.Status, null, now));
        return job;
    }
}
