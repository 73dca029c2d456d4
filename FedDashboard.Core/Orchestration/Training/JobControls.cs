using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Operators pause, resume and abort a job; each needs <see cref="Actor.CanOperate"/>, and each move, and each
/// refusal, is audited. Pausing stops new rounds while a started round finishes; aborting also ends a collecting round,
/// so no terminal keeps training for the job.
/// </summary>
/// <exception cref="AccessDeniedException">The actor may not operate jobs; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="NotFoundException">The job does not exist.</exception>
/// <exception cref="ConflictException">The job is not in a state the move applies to, or kept changing under every attempt; nothing changes.</exception>
public sealed class JobControls(IDbContextFactory<FedDbContext> dbFactory, IRoundScheduler scheduler, ILivePublisher live, TimeProvider clock)
{
    /// <summary>A round or a terminal may change the job's rows at the same moment; the move is then tried on the new state.</summary>
    private const int Attempts = 3;

    public Task<TrainingJob> PauseAsync(int jobId, Actor actor, CancellationToken ct = default) =>
        MoveAsync(jobId, actor, AuditAction.JobPaused, "pause", (_, job, _) =>
        {
            job.Pause();
            return Task.CompletedTask;
        }, ct);

    /// <summary>Lets the job go on: its next round is scheduled now, or its unfinished round is picked up again.</summary>
    public async Task<TrainingJob> ResumeAsync(int jobId, Actor actor, CancellationToken ct = default)
    {
        var job = await MoveAsync(jobId, actor, AuditAction.JobResumed, "resume", (_, job, _) =>
        {
            job.Resume();
            return Task.CompletedTask;
        }, ct);
        scheduler.StartNextRound(jobId, TimeSpan.Zero);
        return job;
    }

    public async Task<TrainingJob> AbortAsync(int jobId, Actor actor, CancellationToken ct = default)
    {
        Round? cancelled = null;
        var job = await MoveAsync(jobId, actor, AuditAction.JobAborted, "abort", async (db, job, at) =>
        {
            job.Abort(actor.Name, at);
            cancelled = await CancelCollectingRoundAsync(db, job, at, ct);
        }, ct);
        if (cancelled is not null) await live.PublishAsync(new RoundPhaseChanged(job.Id, cancelled.Id, cancelled.Number, cancelled.Phase, job.EndedAt!.Value));
        return job;
    }

    /// <summary>
    /// Ends the round still collecting, if any, and every open participation in it; a training terminal sees that at
    /// its next check and stops. A round already aggregating finishes, and no round follows it.
    /// </summary>
    private static async Task<Round?> CancelCollectingRoundAsync(FedDbContext db, TrainingJob job, DateTimeOffset at, CancellationToken ct)
    {
        var round = await db.Rounds.Include(r => r.Participants)
            .SingleOrDefaultAsync(r => r.JobId == job.Id && r.Phase == RoundPhase.Collecting, ct);
        if (round is null) return null;
        foreach (var participant in round.Participants.Where(p => p.IsOpen)) participant.Cancel(job.EndReason!, at);
        round.Cancel(at);
        return round;
    }

    private Task<TrainingJob> MoveAsync(int jobId, Actor actor, AuditAction action, string verb,
        Func<FedDbContext, TrainingJob, DateTimeOffset, Task> move, CancellationToken ct) =>
        OptimisticRetry.RunAsync(Attempts, () => TryMoveAsync(jobId, actor, action, verb, move, ct),
            exhausted: () => throw new ConflictException($"Job {jobId} changed under each of {Attempts} attempts to {verb} it; try again."));

    private async Task<TrainingJob> TryMoveAsync(int jobId, Actor actor, AuditAction action, string verb,
        Func<FedDbContext, TrainingJob, DateTimeOffset, Task> move, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct)
            ?? throw new NotFoundException($"Training job {jobId} does not exist.");
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"{verb} job \"{job.Name}\" without the operator role", action, AuditSubject.Job, jobId, now, ct);

        var before = JobState.Of(job);
        await move(db, job, now);
        db.Audit(actor, action, AuditSubject.Job, jobId, before, JobState.Of(job), now);
        await db.SaveChangesAsync(ct);
        await live.PublishAsync(new JobChanged(job.Id, job.Status, job.EndReason, now));
        return job;
    }
}
