using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>
/// Every minute: a running job whose latest step is long overdue (the process died between two steps)
/// is nudged on, and a round completed without its rewards (the process died before rewarding was scheduled) is rewarded.
/// The steps are idempotent, so a nudge on a job that is merely slow changes nothing.
/// </summary>
public sealed class RecoverStalledJobsJob(IDbContextFactory<FedDbContext> dbFactory, IRoundScheduler scheduler, TimeProvider clock)
{
    public const string RecurringId = "recover-stalled-jobs";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    [AutomaticRetry(Attempts = 0), DisableConcurrentExecution(60)]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = clock.GetUtcNow() - Grace;
        var stalled = await db.TrainingJobs
            .Where(j => j.Status == JobStatus.Running)
            .Select(j => new { j.Id, j.CreatedAt, Latest = db.Rounds.Where(r => r.JobId == j.Id).OrderByDescending(r => r.Number).FirstOrDefault() })
            // A job launched within the grace period is starting its first round right now, not stalled.
            .Where(x => x.Latest == null
                ? x.CreatedAt < overdue
                : x.Latest.Phase == RoundPhase.Completed ? x.Latest.EndedAt < overdue : x.Latest.Deadline < overdue)
            .Select(x => x.Id)
            .ToListAsync(ct);
        foreach (var jobId in stalled) scheduler.StartNextRound(jobId, TimeSpan.Zero);

        var unrewarded = await db.Rounds
            .Where(r => r.Phase == RoundPhase.Completed && r.RewardedAt == null && r.EndedAt < overdue)
            .Select(r => r.Id)
            .ToListAsync(ct);
        foreach (var roundId in unrewarded) scheduler.RewardRound(roundId);
    }
}
