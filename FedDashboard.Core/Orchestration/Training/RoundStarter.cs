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
/// Starts a job's next round, the central tier's part: loads what the job's strategy splits the round by (see
/// <see cref="RoundStrategies"/>), saves the round with each edge's share and has each edge select
/// (<see cref="EdgeRoundSelector"/>): on the edge's queue when an edge node of its own serves it, else in the same transaction, from
/// the idle terminals read for the split; then schedules the round's deadline. Safe to run twice: the round number is
/// unique, and a second run resumes what the round waits for.
/// </summary>
public sealed class RoundStarter(
    IDbContextFactory<FedDbContext> dbFactory,
    RoundStrategies strategies,
    RequestRounds requestRounds,
    EdgeRoundSelector edgeSelector,
    IEdgeQueues edgeQueues,
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
            await ResumeCollectingAsync(latest.Id, db, ct);
            return;
        }
        if (await StartAsync(db, job, requestId, (latest?.Number ?? 0) + 1, ct) is not { } started) return;
        var (round, assigned) = started;
        assignments.Assigned(assigned);
        await SelectRemainingEdgesAsync(round.Id, db, ct);
        await db.AggregateWhenReadyAsync(round.Id, scheduler, clock.GetUtcNow(), ct);
        await live.PublishAsync(new RoundPhaseChanged(jobId, round.Id, round.Number, round.Phase, round.StartedAt));
    }

    /// <summary>
    /// Saves the round with each edge's share, unless the job ends first or no terminal is available, and the
    /// participants of the edges no edge node serves.
    /// </summary>
    /// <returns>The new round and its participants assigned so far; null when there is none to go on with.</returns>
    private async Task<(Round Round, IReadOnlyList<AssignedParticipant> Assigned)?> StartAsync(
        FedDbContext db, TrainingJob job, int? requestId, int number, CancellationToken ct)
    {
        using var step = steps.Begin(RoundStep.Start, job.Id, roundId: null);
        // Held from reading the idle terminals until their assignments are saved: edges selecting on their own nodes
        // take the same lock.
        await using var selecting = await SelectionLock.TakeAsync(db, ct);
        var now = clock.GetUtcNow();
        IReadOnlyList<Terminal> inCoverage = await db.ReadIdleTerminalsAsync(job, edgeId: null, ct);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        // A request's job shares the fleet with the other requests; an operator's job takes what is idle.
        var idle = requestId is { } request ? await requestRounds.CandidatesAsync(request, inCoverage, edges, ct) : inCoverage;
        var idleIds = idle.Select(t => t.Id).ToList();
        var reliability = edges.Any(e => e.Policy.Evaluation.ApplyAtSelection)
            ? await ReliabilityRecords.ByTerminalAsync(db.RoundParticipants.Where(p => idleIds.Contains(p.TerminalId)), ct)
            : [];
        // Donors are each edge's to hand out when it selects.
        var quotas = strategies.For(job).Split(new RoundCandidates(number, await db.FleetOfAsync(job, ct), edges, idle, reliability, null, now));
        if (await db.EndBeforeRoundAsync(job, number, quotas.Sum(q => q.Eligible), now, ct) is { } end)
        {
            await JobEnding.CompleteAsync(db, job, end, now, live, ct);
            return null;
        }
        if (quotas.All(q => q.Share == 0))
        {
            logger.LogWarning("Job {JobId}: no terminal is available for round {Round} ({Idle} idle in coverage); trying again in {Delay}.",
                job.Id, number, idle.Count, RetryWhenNoTerminals);
            scheduler.StartNextRound(job.Id, RetryWhenNoTerminals);
            return null;
        }

        var baseVersion = await db.CurrentModelAsync(job, ct);
        var round = new Round(job.Id, number, baseVersion.Id, now, now.AddSeconds(job.Settings.RoundTimeoutSeconds));
        round.Edges.AddRange(quotas.Select(q => new RoundEdge(q, now)));
        db.Rounds.Add(round);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await RoundExistsAsync(job.Id, number, ct)) throw;
            logger.LogInformation("Job {JobId}: round {Round} was started by another run of this step; nothing to do.", job.Id, number);
            return null;
        }
        // Untracked from here: the participants are saved in one statement of their own, not through the round.
        db.ChangeTracker.Clear();
        List<RoundEdge> here = [.. round.Edges.Where(e => !e.IsSelected && !edgeQueues.HasEdgeNode(e.EdgeId))];
        IReadOnlyList<AssignedParticipant> assigned = [];
        if (here.Count > 0)
        {
            db.RoundEdges.AttachRange(here);
            assigned = await edgeSelector.AssignAsync(db, job, round, here, inCoverage, now, ct);
            foreach (var part in here) part.MarkSelected(now);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Job {JobId}: round {Round} started, {Count} terminals shared among {Edges} edges.",
            job.Id, number, quotas.Sum(q => q.Share), quotas.Count(q => q.Share > 0));
        step.ForRound(round.Id);
        return (round, assigned);
    }

    /// <summary>(Re)schedules what a collecting round waits for: its participants' training, the edges' selections, its end. Each step ignores work already done.</summary>
    private async Task ResumeCollectingAsync(int roundId, FedDbContext db, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase == RoundPhase.Collecting)
        {
            // Read first: the edges' selections below hand their own participants their training.
            var open = await db.RoundParticipants
                .Where(p => p.RoundId == roundId && p.Status == ParticipantStatus.Assigned)
                .Join(db.Terminals, p => p.TerminalId, t => t.Id, (p, t) => new AssignedParticipant(p.Id, p.EdgeId, t.Origin))
                .ToListAsync(ct);
            assignments.Assigned(open);
            await SelectRemainingEdgesAsync(roundId, db, ct);
        }
        await db.AggregateWhenReadyAsync(roundId, scheduler, clock.GetUtcNow(), ct);
    }

    /// <summary>Hands each edge still to select its step: on its edge node's queue, or here if none serves it (any longer).</summary>
    private async Task SelectRemainingEdgesAsync(int roundId, FedDbContext db, CancellationToken ct)
    {
        var selecting = await db.RoundEdges.Where(e => e.RoundId == roundId && e.SelectedAt == null).OrderBy(e => e.EdgeId).Select(e => e.EdgeId).ToListAsync(ct);
        foreach (var edgeId in selecting)
        {
            if (edgeQueues.HasEdgeNode(edgeId)) scheduler.SelectEdge(roundId, edgeId);
            else await edgeSelector.SelectAsync(roundId, edgeId, ct);
        }
    }

    private async Task<bool> RoundExistsAsync(int jobId, int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rounds.AnyAsync(r => r.JobId == jobId && r.Number == number, ct);
    }
}
