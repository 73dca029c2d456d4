using FedDashboard.Core.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration;

/// <summary>
/// Starts a job's next round: selects terminals in coverage, hands each the model its edge holds,
/// and schedules their training and the round's deadline. Safe to run twice: the round number is unique.
/// </summary>
public sealed class RoundStarter(
    IDbContextFactory<FedDbContext> dbFactory,
    IRoundScheduler scheduler,
    ILivePublisher live,
    TimeProvider clock,
    ILogger<RoundStarter> logger)
{
    /// <summary>When no terminal is available, look again after this long.</summary>
    public static readonly TimeSpan RetryWhenNoTerminals = TimeSpan.FromSeconds(5);

    public async Task StartNextRoundAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId, ct);
        if (job.Status != JobStatus.Running) return;

        var latest = await db.LatestRoundAsync(jobId, ct);
        if (latest is { Phase: not RoundPhase.Completed })
        {
            ResumeCollecting(latest, db);
            return;
        }

        var number = (latest?.Number ?? 0) + 1;
        var now = clock.GetUtcNow();
        if (await db.TerminationReasonAsync(job, number, ct) is { } reason)
        {
            await JobEnding.CompleteAsync(db, job, reason, now, live, ct);
            return;
        }

        var candidates = await db.IdleTerminalsFor(job)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, EdgeId = t.EdgeId!.Value })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            logger.LogWarning("Job {JobId}: no terminal is online and in coverage for round {Round}; trying again in {Delay}.", jobId, number, RetryWhenNoTerminals);
            scheduler.StartNextRound(jobId, RetryWhenNoTerminals);
            return;
        }

        var random = new Random(job.Settings.Seed * 100_003 + number);
        var selected = candidates.OrderBy(_ => random.Next()).Take(job.Settings.ParticipantsPerRound(job.FleetSize)).ToList();

        var baseVersion = await db.CurrentModelAsync(jobId, ct);
        var edgeModels = await EdgeStartModelsAsync(db, job, number, ct);
        var round = new Round(jobId, number, baseVersion.Id, now, now.AddSeconds(job.Settings.RoundTimeoutSeconds));
        foreach (var terminal in selected)
        {
            var model = edgeModels.GetValueOrDefault(terminal.EdgeId, baseVersion.ModelHash);
            round.Participants.Add(new RoundParticipant(terminal.Id, terminal.EdgeId, model, "full", now));
        }
        db.Rounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await RoundExistsAsync(jobId, number, ct)) return; // Another run of this step started the round first.
            throw;
        }

        logger.LogInformation("Job {JobId}: round {Round} started with {Count} terminals.", jobId, number, selected.Count);
        ResumeCollecting(round, db);
        await live.PublishAsync(new RoundPhaseChanged(jobId, round.Id, number, round.Phase, now));
    }

    /// <summary>(Re)schedules what a collecting round waits for; each scheduled step ignores work already done.</summary>
    private void ResumeCollecting(Round round, FedDbContext db)
    {
        if (round.Phase != RoundPhase.Collecting)
        {
            scheduler.AggregateNow(round.Id);
            return;
        }
        var open = db.RoundParticipants
            .Where(p => p.RoundId == round.Id && p.Status == ParticipantStatus.Assigned)
            .Select(p => p.Id)
            .ToList();
        foreach (var participantId in open) scheduler.TrainParticipant(participantId);
        scheduler.AggregateWhenDue(round.Id, round.Deadline);
    }

    /// <summary>
    /// Within a combination period (κ edge rounds) each edge goes on from its own latest aggregate;
    /// the first round of a period starts every edge from the central model.
    /// </summary>
    private static async Task<Dictionary<int, string>> EdgeStartModelsAsync(FedDbContext db, TrainingJob job, int number, CancellationToken ct)
    {
        var periodStart = number - (number - 1) % job.Settings.EdgeRoundsPerCombination;
        if (periodStart == number) return [];
        var aggregates = await db.EdgeAggregates
            .Join(db.Rounds, a => a.RoundId, r => r.Id, (a, r) => new { a.EdgeId, a.ModelHash, r.JobId, r.Number })
            .Where(x => x.JobId == job.Id && x.Number >= periodStart && x.Number < number)
            .ToListAsync(ct);
        return aggregates.GroupBy(x => x.EdgeId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Number)!.ModelHash);
    }

    private async Task<bool> RoundExistsAsync(int jobId, int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rounds.AnyAsync(r => r.JobId == jobId && r.Number == number, ct);
    }
}
