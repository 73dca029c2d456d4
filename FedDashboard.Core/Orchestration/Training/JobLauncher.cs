using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Creates a training job with its untrained model v0, published, and schedules its first round. An operator's job
/// starts without auto-approve: asking for it stores a proposal to turn it on, which an approver accepts or not like any
/// other (<see cref="JobPolicyProposals"/>). Only the system, starting a job its configuration describes (the default
/// job on a fresh database, a benchmark), starts one with auto-approve on, and the audit row says so.
/// </summary>
public sealed class JobLauncher(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    FederatedData data,
    IRoundScheduler scheduler,
    ILivePublisher live,
    TimeProvider clock,
    ILogger<JobLauncher> logger)
{
    public async Task<TrainingJob> LaunchAsync(string name, TrainingSettings settings, JobPolicy policy, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, "start a training job", AuditAction.JobStarted, AuditSubject.Job, "new", now, ct);
        var terminals = await db.Terminals.CountAsync(ct);
        if (terminals == 0) throw new ConflictException("There are no terminals to train with; the fleet is empty.");
        var shards = data.TerminalsToSplitAmong(settings, terminals);
        if (shards < terminals)
            logger.LogWarning("Job '{Name}': the training images can be split among {Shards} of the {Terminals} terminals; the other simulated terminals sit its rounds out (agents train on their own data).",
                name, shards, terminals);

        var starting = actor.IsSystem ? policy : JobPolicyRelaxation.WithoutApprovalNeeds(policy);
        var job = new TrainingJob(name, settings, starting, terminals, actor.Name, now, shards);
        var initialHash = blobs.Put(ModelInitializer.Initial(new ModelSpec(settings.Model), settings.Seed));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.TrainingJobs.Add(job);
        await db.SaveChangesAsync(ct);
        var initial = ModelVersion.Initial(job.Id, initialHash, now);
        db.ModelVersions.Add(initial);
        db.Audit(actor, AuditAction.JobStarted, AuditSubject.Job, job.Id, null, new { job.Name, job.Settings, job.Policy }, now,
            actor.IsSystem && policy.AutoApprove ? "Auto-approve is on by configuration (the job's configured policy), not by an approver's acceptance." : null);
        await db.SaveChangesAsync(ct);
        await db.ProposeIfRelaxingAsync(actor, job, policy, now, ct);
        job.PublishInitial(initial);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        scheduler.StartNextRound(job.Id, TimeSpan.Zero);
        await live.PublishAsync(new JobChanged(job.Id, job.Status, null, now));
        return job;
    }
}
