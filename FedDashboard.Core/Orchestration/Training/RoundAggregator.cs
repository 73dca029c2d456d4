using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Ends a round: loads what the job's strategy (see <see cref="RoundStrategies"/>) decides on and saves what it decides.
/// Each edge evaluates its terminals' results and aggregates those it accepts (<see cref="EdgeRoundAggregator"/>), on the
/// edge's own queue when an edge node serves it, else here; once every edge with results is done, the central step goes on:
/// when the accepted results are too few, the central server trains on its own data (<see cref="CentralTraining"/>); at
/// the end of a combination period the central tier combines the edges' models, and the server's, into a candidate,
/// evaluated on the test set and promoted to a version when it meets the job's criterion; then it hands the round to
/// rewarding and starts the next. Runs safely any number of times, also at once: runs take the round's row lock in
/// turn, and the unique keys on aggregates and versions back it up.
/// </summary>
public sealed class RoundAggregator(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    FederatedData data,
    AggregationStart start,
    EdgeRoundAggregator edgeAggregator,
    IEdgeQueues edgeQueues,
    CentralTraining central,
    RoundStrategies strategies,
    RoundStarter starter,
    IRoundScheduler scheduler,
    ILivePublisher live,
    RoundSteps steps,
    IOptions<OrchestrationOptions> orchestration,
    TimeProvider clock,
    ILogger<RoundAggregator> logger)
{
    /// <summary>Ends the round once it is due: hands each edge its step (or runs it here), then combines if they are all done.</summary>
    public async Task AggregateAsync(int roundId, CancellationToken ct = default)
    {
        if (await start.TryBeginAsync(roundId, ct) == AggregationBegin.NotDue) return;
        List<int> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) pending = await EdgeRoundAggregator.PendingAsync(db, roundId, ct);
        // Asked once per edge: a heartbeat may change the answer meanwhile, and an edge must land on one side.
        var onEdgeNodes = pending.ToLookup(edgeQueues.HasEdgeNode);
        foreach (var edgeId in onEdgeNodes[true]) scheduler.AggregateEdge(roundId, edgeId);
        // The other edges' steps read the same database as this one: run here, together, they spare each a job's
        // hand-over and the round the wait for the last of them (they hold the round in share mode and lock only their
        // own participants, so an edge node's step goes on beside them).
        await edgeAggregator.AggregateAsync(roundId, [.. onEdgeNodes[false]], ct);
        await CombineAsync(roundId, ct);
    }

    /// <summary>The central step: does nothing until every edge with results has done its step; the last edge's step calls it again.</summary>
    public async Task CombineAsync(int roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Runs of this step for the same round queue here; the second finds the round completed and leaves. Edges' steps
        // hold the row in share mode: this waits for running ones, and ones not started wait for this.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Rounds\" WHERE \"Id\" = {roundId} FOR UPDATE", ct);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase != RoundPhase.Aggregating) return;
        if ((await EdgeRoundAggregator.PendingAsync(db, roundId, ct)).Count > 0) return;
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == round.JobId, ct);
        round.AggregateBy(job.Policy.Aggregation);
        var accepted = await db.RoundParticipants.CountAsync(p => p.RoundId == roundId && p.Status == ParticipantStatus.Reported, ct);

        var now = clock.GetUtcNow();
        (ModelVersion Parent, CentralModel Combined, EvaluationResult Evaluation)? candidate;
        using (steps.Begin(RoundStep.Combination, job.Id, roundId))
        {
            if (await central.TrainIfShortAsync(db, job, round, accepted, now, ct) is { } own)
            {
                db.CentralContributions.Add(own);
                logger.LogInformation("Job {JobId}: round {Round}: {Note}", job.Id, round.Number, own.Note);
            }
            await db.SaveChangesAsync(ct);
            var strategy = strategies.For(job);
            candidate = strategy.CombinesAfter(round.Number) ? await CombineModelsAsync(db, job, strategy, round, ct) : null;
        }

        ModelVersion? version;
        using (steps.Begin(RoundStep.Versioning, job.Id, roundId))
        {
            // The optimizer's state goes with the candidate in this transaction.
            version = candidate is { } c
                ? await db.AddCandidateAsync(job, c.Parent, round.Id, blobs.Put(c.Combined.Model), c.Evaluation, clock.GetUtcNow(), ct,
                    c.Combined.ServerState is { } next ? blobs.Put(next) : null)
                : null;
            if (version is not null) await db.SaveChangesAsync(ct);
            round.Complete(version?.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation("Job {JobId}: round {Round} aggregated {Count} results{Version}.", job.Id, round.Number, accepted,
            version is null ? "" : $" into {version.Label} (test accuracy {version.TestAccuracy:P2}, {version.Status})");
        await live.PublishAsync(new RoundPhaseChanged(job.Id, round.Id, round.Number, round.Phase, now));
        if (version is not null)
            await live.PublishAsync(new ModelVersionChanged(job.Id, version.Id, version.Number, round.Number, version.TestAccuracy, version.TestLoss, version.Status, now));
        scheduler.RewardRound(round.Id);
        await StartNextRoundAsync(job.Id, ct);
    }

    /// <summary>
    /// Starts the next round here, when the job does not wait between rounds: a start job's hand-over would keep the
    /// round waiting for a worker and the job's bookkeeping. A start that fails here goes to a start job, which retries it.
    /// </summary>
    private async Task StartNextRoundAsync(int jobId, CancellationToken ct)
    {
        var pause = TimeSpan.FromSeconds(orchestration.Value.SecondsBetweenRounds);
        if (pause > TimeSpan.Zero)
        {
            scheduler.StartNextRound(jobId, pause);
            return;
        }
        try
        {
            await starter.StartNextRoundAsync(jobId, ct);
        }
        catch (Exception failure)
        {
            scheduler.StartNextRound(jobId, TimeSpan.Zero);
            if (failure is OperationCanceledException) throw;
            logger.LogWarning(failure, "Job {JobId}: the next round did not start after the last; a start job tries again.", jobId);
        }
    }

    /// <summary>
    /// The central combination of each edge's latest model of the period with what its accepted results trained during
    /// the period; edges that trained nobody this period are left out. The central server's latest model of the period,
    /// if it trained, counts as one more, after the edges, by the samples it trained on.
    /// </summary>
    private async Task<(ModelVersion Parent, CentralModel Combined, EvaluationResult Evaluation)?> CombineModelsAsync(FedDbContext db, TrainingJob job, ICentralStrategy strategy, Round round, CancellationToken ct)
    {
        var periodStart = round.Number - job.Settings.EdgeRoundsPerCombination + 1;
        var aggregates = await db.EdgeAggregates
            .Join(db.Rounds, a => a.RoundId, r => r.Id, (a, r) => new { Aggregate = a, r.JobId, r.Number })
            .Where(x => x.JobId == job.Id && x.Number >= periodStart && x.Number <= round.Number)
            .ToListAsync(ct);
        var own = await db.CentralContributions
            .Join(db.Rounds, c => c.RoundId, r => r.Id, (c, r) => new { Contribution = c, r.JobId, r.Number })
            .Where(x => x.JobId == job.Id && x.Number >= periodStart && x.Number <= round.Number)
            .OrderByDescending(x => x.Number)
            .Select(x => x.Contribution)
            .FirstOrDefaultAsync(ct);
        if (aggregates.Count == 0 && own is null) return null;
        var trained = await TrainedPartsAsync(db, job.Id, periodStart, round.Number, ct);

        var parent = await db.ModelVersions.SingleAsync(v => v.Id == round.BaseModelVersionId, ct);
        var edges = aggregates.GroupBy(x => x.Aggregate.EdgeId).OrderBy(g => g.Key).Select(edge =>
        {
            var latest = edge.MaxBy(x => x.Number)!.Aggregate;
            var controls = edge.Where(x => x.Aggregate.ControlDeltaHash is not null)
                .Select(x => new EdgeControlDelta(() => blobs.Get(x.Aggregate.ControlDeltaHash!), x.Aggregate.Samples, x.Aggregate.Contributors))
                .ToList();
            return new EdgePeriod(() => blobs.Get(latest.ModelHash), edge.Sum(x => (long)x.Aggregate.Samples), trained[edge.Key], controls);
        }).ToList();
        if (own is not null) edges.Add(new EdgePeriod(() => blobs.Get(own.ModelHash), own.Samples, [TrainedPart.Whole]));
        // The optimizer's state (SCAFFOLD's c) comes from the parent and goes with the candidate in this transaction: a
        // rerun after a crash starts again from the parent's state, so no step is taken twice.
        var combined = strategy.Combine(blobs.Get(parent.ModelHash), parent.ServerStateHash is { } state ? blobs.Get(state) : null, edges);
        var evaluation = ModelEvaluator.Evaluate(new ModelSpec(job.Settings.Model), combined.Model, data.Test);

        return (parent, combined, evaluation);
    }

    /// <summary>What each edge's accepted results trained over the rounds of a period.</summary>
    private static async Task<Dictionary<int, List<TrainedPart>>> TrainedPartsAsync(FedDbContext db, int jobId, int fromRound, int toRound, CancellationToken ct)
    {
        var results = await db.RoundParticipants.AsNoTracking()
            .Where(p => p.Status == ParticipantStatus.Reported
                && db.Rounds.Any(r => r.Id == p.RoundId && r.JobId == jobId && r.Number >= fromRound && r.Number <= toRound))
            .ToListAsync(ct);
        return results.GroupBy(p => p.EdgeId).ToDictionary(g => g.Key, g => g.Select(p => p.TrainedPart).ToList());
    }
}
