using FedDashboard.Core.Governance;
using FedDashboard.Core.Learning;
using FedDashboard.Core.Live;
using FedDashboard.Core.Options;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Strategies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration;

/// <summary>
/// Ends a round: each edge evaluates its terminals' results and aggregates those it accepts by the job's rule (FedAvg by samples or a
/// robust rule, each parameter over the results that trained it); at the end of a combination period the central server combines the
/// edges' models by the same rule into a candidate, evaluated on the test set and promoted to a version when it meets the job's
/// criterion; then it hands the round to rewarding. Runs safely any number of times, also at once:
/// runs take the round's row lock in turn, and the unique keys on aggregates and versions back it up.
/// </summary>
public sealed class RoundAggregator(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    FederatedData data,
    ResultEvaluation evaluation,
    IRoundScheduler scheduler,
    ILivePublisher live,
    IOptions<OrchestrationOptions> orchestration,
    TimeProvider clock,
    ILogger<RoundAggregator> logger)
{
    public async Task AggregateAsync(int roundId, CancellationToken ct = default)
    {
        if (!await TryBeginAsync(roundId, ct)) return;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Runs of this step for the same round queue here; the second finds the round completed and leaves.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Rounds\" WHERE \"Id\" = {roundId} FOR UPDATE", ct);
        var round = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase != RoundPhase.Aggregating) return;
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == round.JobId, ct);
        round.AggregateBy(job.Policy.Aggregation);
        var reported = round.Participants.Where(p => p.Status == ParticipantStatus.Reported).OrderBy(p => p.Id).ToList();

        var now = clock.GetUtcNow();
        reported = await evaluation.AcceptedAsync(db, round, job.Settings.Model, reported, now, ct);
        db.EdgeAggregates.AddRange(AggregateEdges(round, job.Settings.Model, ModelAggregation.For(job.Policy.Aggregation), reported));
        await db.SaveChangesAsync(ct);
        var version = job.Settings.CombinesAfter(round.Number) ? await CombineAsync(db, job, round, ct) : null;
        if (version is not null) await db.SaveChangesAsync(ct);
        round.Complete(version?.Id, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Job {JobId}: round {Round} aggregated {Count} results{Version}.", job.Id, round.Number, reported.Count,
            version is null ? "" : $" into {version.Label} (test accuracy {version.TestAccuracy:P2}, {version.Status})");
        await live.PublishAsync(new RoundPhaseChanged(job.Id, round.Id, round.Number, round.Phase, now));
        if (version is not null)
            await live.PublishAsync(new ModelVersionChanged(job.Id, version.Id, version.Number, round.Number, version.TestAccuracy, version.TestLoss, version.Status, now));
        scheduler.RewardRound(round.Id);
        scheduler.StartNextRound(job.Id, TimeSpan.FromSeconds(orchestration.Value.SecondsBetweenRounds));
    }

    /// <summary>Moves a collecting round to aggregating, timing out whoever has not reported. False when it is already done.</summary>
    private async Task<bool> TryBeginAsync(int roundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase == RoundPhase.Aggregating) return true;
        if (round.Phase == RoundPhase.Completed) return false;

        var now = clock.GetUtcNow();
        var allReported = round.Participants.All(p => !p.IsOpen);
        if (!allReported && now < round.Deadline) return false;
        foreach (var late in round.Participants.Where(p => p.IsOpen)) late.TimeOut(now);
        round.BeginAggregation(allReported ? RoundEndReason.AllReported : RoundEndReason.DeadlineReached);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await IsAggregatingAsync(roundId, ct);
        }
        await live.PublishAsync(new RoundPhaseChanged(round.JobId, round.Id, round.Number, round.Phase, now));
        return true;
    }

    private async Task<bool> IsAggregatingAsync(int roundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rounds.AnyAsync(r => r.Id == roundId && r.Phase == RoundPhase.Aggregating, ct);
    }

    /// <summary>
    /// Each edge's aggregate of its terminals' results by the job's rule, each parameter over the results that trained
    /// it (HeteroFL widths, layer segments); what none trained keeps the model the edge handed out.
    /// </summary>
    private IEnumerable<EdgeAggregate> AggregateEdges(Round round, ModelArchitecture architecture, IModelAggregation aggregation, IReadOnlyList<RoundParticipant> reported)
    {
        var global = new ModelSpec(architecture);
        foreach (var edge in reported.GroupBy(p => p.EdgeId).OrderBy(g => g.Key))
        {
            var results = edge.Select(participant =>
            {
                var part = TrainedPart.Of(participant.Width, participant.Segment);
                return new TierResult(() => blobs.Get(participant.UpdateHash!), part.Spec(architecture), participant.Samples, part.Segments);
            }).ToList();
            // An edge hands all its terminals of a round the same start model.
            var model = aggregation.Aggregate(blobs.Get(edge.Select(p => p.BaseModelHash).Distinct().Single()), global, results);
            yield return new EdgeAggregate(round.Id, edge.Key, blobs.Put(model), edge.Sum(p => p.Samples), results.Count);
        }
    }

    /// <summary>
    /// The central combination by the job's rule: each edge's latest model of the period, weighted by the samples the edge trained on
    /// during the period, counted only for the part its terminals trained (widest width, layers); elsewhere it still
    /// holds the period's start, which would pull the average back. Edges that trained nobody this period are left out.
    /// </summary>
    private async Task<ModelVersion?> CombineAsync(FedDbContext db, TrainingJob job, Round round, CancellationToken ct)
    {
        var periodStart = round.Number - job.Settings.EdgeRoundsPerCombination + 1;
        var aggregates = await db.EdgeAggregates
            .Join(db.Rounds, a => a.RoundId, r => r.Id, (a, r) => new { Aggregate = a, r.JobId, r.Number })
            .Where(x => x.JobId == job.Id && x.Number >= periodStart && x.Number <= round.Number)
            .ToListAsync(ct);
        if (aggregates.Count == 0) return null;
        var trained = await TrainedPartsAsync(db, job.Id, periodStart, round.Number, ct);

        var architecture = job.Settings.Model;
        var global = new ModelSpec(architecture);
        var parent = await db.ModelVersions.SingleAsync(v => v.Id == round.BaseModelVersionId, ct);
        var edges = aggregates.GroupBy(x => x.Aggregate.EdgeId).OrderBy(g => g.Key).Select(edge =>
        {
            var latest = edge.MaxBy(x => x.Number)!.Aggregate;
            var part = trained[edge.Key];
            var spec = part.Spec(architecture);
            return new TierResult(() => SubModel.Extract(blobs.Get(latest.ModelHash), global, spec), spec, edge.Sum(x => x.Aggregate.Samples), part.Segments);
        }).ToList();
        var model = ModelAggregation.For(job.Policy.Aggregation).Aggregate(blobs.Get(parent.ModelHash), global, edges);
        var evaluation = ModelEvaluator.Evaluate(global, model, data.Test);

        return await db.AddCandidateAsync(job, parent, round.Id, blobs.Put(model), evaluation, clock.GetUtcNow(), ct);
    }

    /// <summary>What each edge's terminals trained over the rounds of a period, from its reported results.</summary>
    private static async Task<Dictionary<int, TrainedPart>> TrainedPartsAsync(FedDbContext db, int jobId, int fromRound, int toRound, CancellationToken ct)
    {
        var results = await db.RoundParticipants
            .Join(db.Rounds, p => p.RoundId, r => r.Id, (p, r) => new { p.EdgeId, p.Width, p.Segment, p.Status, r.JobId, r.Number })
            .Where(x => x.JobId == jobId && x.Number >= fromRound && x.Number <= toRound && x.Status == ParticipantStatus.Reported)
            .Select(x => new { x.EdgeId, x.Width, x.Segment })
            .ToListAsync(ct);
        return results.GroupBy(x => x.EdgeId).ToDictionary(g => g.Key, g => TrainedPart.Union(g.Select(x => TrainedPart.Of(x.Width, x.Segment))));
    }
}
