using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Requests.Allocation;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Starts a job's next round: loads what the job's strategy configures it from (see <see cref="RoundStrategies"/>), hands
/// each selected terminal the model its edge holds, saves the round and schedules its training and its deadline. Safe to
/// run twice: the round number is unique.
/// </summary>
public sealed class RoundStarter(
    IDbContextFactory<FedDbContext> dbFactory,
    RoundStrategies strategies,
    RequestRounds requestRounds,
    IRoundScheduler scheduler,
    IAssignmentNotifier assignments,
    ILivePublisher live,
    RoundSteps steps,
    TimeProvider clock,
    ILogger<RoundStarter> logger)
{
    /// <summary>When no terminal is available, look again after this long.</summary>
    public static readonly TimeSpan RetryWhenNoTerminals = TimeSpan.FromSeconds(5);

    public async Task StartNextRoundAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requestId = await requestRounds.BeforeRoundAsync(db, jobId, ct);
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId, ct);
        if (job.Status != JobStatus.Running) return;

        var latest = await db.LatestRoundAsync(jobId, ct);
        if (latest is { Phase: not RoundPhase.Completed })
        {
            await ResumeCollectingAsync(latest, db, ct);
            return;
        }

        var number = (latest?.Number ?? 0) + 1;
        using var step = steps.Begin(RoundStep.Start, jobId, roundId: null);
        await using var selecting = await RoundStartLock.TakeAsync(db, ct);
        var now = clock.GetUtcNow();
        // Untracked: of the terminals read, only those that asked for work and now get it are written back.
        IReadOnlyList<Terminal> idle = await db.IdleTerminalsFor(job).AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        // A request's job shares the fleet with the other requests; an operator's job takes what is idle.
        if (requestId is { } request) idle = await requestRounds.CandidatesAsync(request, idle, edges, ct);
        var idleIds = idle.Select(t => t.Id).ToList();
        var reliability = edges.Any(e => e.Policy.Evaluation.ApplyAtSelection)
            ? await ReliabilityRecords.ByTerminalAsync(db.RoundParticipants.Where(p => idleIds.Contains(p.TerminalId)), ct)
            : [];
        var donors = job.Settings.ShareData ? await DonorsAsync(db, job, edges, now, ct) : null;
        var selections = strategies.For(job).Configure(new RoundCandidates(number, await db.FleetOfAsync(job, ct), edges, idle, reliability, donors, now));
        if (await db.EndBeforeRoundAsync(job, number, selections.Sum(s => s.Eligible), now, ct) is { } end)
        {
            await JobEnding.CompleteAsync(db, job, end, now, live, ct);
            return;
        }

        if (selections.All(s => s.Assigned.Count == 0))
        {
            logger.LogWarning("Job {JobId}: no terminal is available for round {Round} ({Idle} idle in coverage, {Declined} declined); trying again in {Delay}.",
                jobId, number, idle.Count, selections.Sum(s => s.Declined.Count), RetryWhenNoTerminals);
            scheduler.StartNextRound(jobId, RetryWhenNoTerminals);
            return;
        }

        var baseVersion = await db.CurrentModelAsync(job, ct);
        var periodModels = await EdgeStartModelsAsync(db, job, number, ct);
        var edgeModels = edges.ToDictionary(e => e.Id, e => periodModels.GetValueOrDefault(e.Id, baseVersion.ModelHash));
        var round = new Round(jobId, number, baseVersion.Id, now, now.AddSeconds(job.Settings.RoundTimeoutSeconds));
        var granted = RoundRoster.Fill(round, selections, job.Settings.DataSource, edgeModels, now);
        foreach (var terminal in selections.SelectMany(s => s.Assigned).Select(a => a.Terminal).Where(t => t.WorkRequestedAt is not null))
        {
            db.Terminals.Attach(terminal);
            terminal.WithdrawWorkRequest();
        }
        db.Rounds.Add(round);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await RoundExistsAsync(jobId, number, ct)) throw;
            logger.LogInformation("Job {JobId}: round {Round} was started by another run of this step; nothing to do.", jobId, number);
            return;
        }
        // A grant names its participant's id, which exists only once the round is saved; the transaction keeps both or neither.
        db.SharedDataGrants.AddRange(granted.SelectMany(x => x.Grants.Select(g => new SharedDataGrant(x.Participant.Id, g.DonorTerminalId, g.Samples, now))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        step.ForRound(round.Id);

        logger.LogInformation("Job {JobId}: round {Round} started with {Count} terminals ({Declined} declined).",
            jobId, number, round.Participants.Count(p => p.Status == ParticipantStatus.Assigned), round.Participants.Count(p => p.Status == ParticipantStatus.Declined));
        await ResumeCollectingAsync(round, db, ct);
        await live.PublishAsync(new RoundPhaseChanged(jobId, round.Id, number, round.Phase, now));
    }

    /// <summary>(Re)schedules what a collecting round waits for; each scheduled step ignores work already done.</summary>
    private async Task ResumeCollectingAsync(Round round, FedDbContext db, CancellationToken ct)
    {
        if (round.Phase == RoundPhase.Collecting)
        {
            var open = await db.RoundParticipants
                .Where(p => p.RoundId == round.Id && p.Status == ParticipantStatus.Assigned)
                .Select(p => new { p.Id, p.EdgeId })
                .ToListAsync(ct);
            foreach (var participant in open) assignments.Assigned(participant.Id, participant.EdgeId);
        }
        await db.AggregateWhenReadyAsync(round.Id, scheduler, clock.GetUtcNow(), ct);
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

    /// <summary>Each edge's donors for data sharing: the terminals now in its coverage, with their uses so far in this job.</summary>
    private static async Task<Dictionary<int, SharedDataDonors>> DonorsAsync(
        FedDbContext db, TrainingJob job, IReadOnlyList<EdgeServer> edges, DateTimeOffset now, CancellationToken ct)
    {
        // An agent's data never leaves its device, so only simulated terminals can donate.
        var inCoverage = await db.TerminalsInCoverageFor(job)
            .Where(t => t.Origin == TerminalOrigin.Simulated)
            .OrderBy(t => t.Id)
            .Select(t => new { EdgeId = t.EdgeId!.Value, Donor = new Donor(t.Id, t.DataSamples, t.DataAnonymized, t.DataUpdatedAt) })
            .ToListAsync(ct);
        var uses = await db.SharedDataGrants
            .Join(db.RoundParticipants, g => g.ParticipantId, p => p.Id, (g, p) => new { g.DonorTerminalId, p.RoundId })
            .Join(db.Rounds, x => x.RoundId, r => r.Id, (x, r) => new { x.DonorTerminalId, r.JobId })
            .Where(x => x.JobId == job.Id)
            .GroupBy(x => x.DonorTerminalId)
            .Select(g => new { DonorTerminalId = g.Key, Uses = g.Count() })
            .ToDictionaryAsync(x => x.DonorTerminalId, x => x.Uses, ct);
        var byEdge = inCoverage.ToLookup(x => x.EdgeId, x => x.Donor);
        return edges.ToDictionary(e => e.Id, e => new SharedDataDonors(byEdge[e.Id], uses, job.Settings, now));
    }

    private async Task<bool> RoundExistsAsync(int jobId, int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rounds.AnyAsync(r => r.JobId == jobId && r.Number == number, ct);
    }
}
