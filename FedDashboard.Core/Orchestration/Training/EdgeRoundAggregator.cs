using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// One edge's part of ending a round: it evaluates its terminals' reported results (see <see cref="ResultEvaluation"/>)
/// and aggregates those it accepts into the edge's <see cref="EdgeAggregate"/>. Runs on the edge's own queue when an edge node
/// serves it, else within the central step, for all such edges at once. Done once the edge has its aggregate or no
/// result left to judge (all filtered); runs of it wait for each other on the edges' participants, and the central step
/// waits for running ones on the round's row, so a second run, or one that comes after the round completed, changes nothing.
/// </summary>
public sealed class EdgeRoundAggregator(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    ResultEvaluation evaluation,
    RoundStrategies strategies,
    IRoundScheduler scheduler,
    RoundSteps steps,
    TimeProvider clock,
    ILogger<EdgeRoundAggregator> logger)
{
    /// <summary>The edge's step as a job of its own: when done it asks the central step to go on, which waits for every edge.</summary>
    public async Task RunAsync(int roundId, int edgeId, CancellationToken ct)
    {
        await AggregateAsync(roundId, edgeId, ct);
        scheduler.CombineRound(roundId);
    }

    public Task AggregateAsync(int roundId, int edgeId, CancellationToken ct) => AggregateAsync(roundId, [edgeId], ct);

    /// <summary>
    /// The steps of several edges in one transaction, as the central step runs those no edge node serves: one set of
    /// locks, reads and commit for all (each edge's its own took 4–18 ms of a 2NN round, five in a row), and their
    /// aggregates computed side by side.
    /// </summary>
    public async Task AggregateAsync(int roundId, IReadOnlyList<int> edgeIds, CancellationToken ct)
    {
        if (edgeIds.Count == 0) return;
        int[] ids = [.. edgeIds];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Rounds\" WHERE \"Id\" = {roundId} FOR SHARE", ct);
        // In one order, so two runs over the same edges queue here rather than deadlock.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"RoundParticipants\" WHERE \"RoundId\" = {roundId} AND \"EdgeId\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE", ct);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase != RoundPhase.Aggregating) return;
        var done = await db.EdgeAggregates.Where(a => a.RoundId == roundId && ids.Contains(a.EdgeId)).Select(a => a.EdgeId).ToListAsync(ct);
        var reported = await db.RoundParticipants
            .Where(p => p.RoundId == roundId && ids.Contains(p.EdgeId) && !done.Contains(p.EdgeId) && p.Status == ParticipantStatus.Reported)
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        if (reported.Count == 0) return;

        var job = await db.TrainingJobs.SingleAsync(j => j.Id == round.JobId, ct);
        var strategy = strategies.For(job);
        var judged = reported.Select(p => p.EdgeId).Distinct().ToList();
        var edges = await db.EdgeServers.AsNoTracking().Where(e => judged.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        List<RoundParticipant> accepted;
        using (steps.Begin(RoundStep.Evaluation, job.Id, roundId, judged.Count == 1 ? judged[0] : null))
            accepted = await evaluation.AcceptedAsync(db, round, job, strategy, edges, reported, clock.GetUtcNow(), ct);
        var byEdge = accepted.GroupBy(p => p.EdgeId).Select(g => (Edge: g.Key, Accepted: (IReadOnlyList<RoundParticipant>)[.. g])).ToList();
        var controlDeltas = new string?[byEdge.Count];
        if (job.Policy.Aggregation.UsesControlVariates)
            for (var i = 0; i < byEdge.Count; i++) controlDeltas[i] = await ControlVariatesAsync(db, round, job.Settings.Model, byEdge[i].Accepted, ct);
        var aggregates = new EdgeAggregate[byEdge.Count];
        Parallel.For(0, byEdge.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, i =>
        {
            using var step = steps.Begin(RoundStep.Aggregation, job.Id, roundId, byEdge[i].Edge);
            aggregates[i] = Aggregate(round, strategy.Edge(edges[byEdge[i].Edge]), byEdge[i].Accepted, controlDeltas[i]);
        });
        db.EdgeAggregates.AddRange(aggregates);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var edgeId in judged)
            logger.LogInformation("{Edge}: round {RoundId} accepted {Accepted} of {Reported} results.",
                edges[edgeId].Name, roundId, accepted.Count(p => p.EdgeId == edgeId), reported.Count(p => p.EdgeId == edgeId));
    }

    /// <summary>The edges of the round with reported results not yet judged: those whose step is still to come.</summary>
    public static Task<List<int>> PendingAsync(FedDbContext db, int roundId, CancellationToken ct) =>
        db.RoundParticipants
            .Where(p => p.RoundId == roundId && p.Status == ParticipantStatus.Reported
                && !db.EdgeAggregates.Any(a => a.RoundId == roundId && a.EdgeId == p.EdgeId))
            .Select(p => p.EdgeId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(ct);

    /// <summary>An edge hands all its terminals of a round the same start model.</summary>
    private EdgeAggregate Aggregate(Round round, IEdgeStrategy edge, IReadOnlyList<RoundParticipant> accepted, string? controlDeltaHash)
    {
        var start = blobs.Get(accepted.Select(p => p.Assignment.BaseModelHash).Distinct().Single());
        var model = edge.Aggregate(start, [.. accepted.Select(p => new Contribution(() => blobs.Get(p.Result.UpdateHash!), p.TrainedPart, p.Result.Samples))]);
        return new EdgeAggregate(round.Id, edge.Edge.Id, blobs.Put(model), accepted.Sum(p => (long)p.Result.Samples), accepted.Count, controlDeltaHash);
    }

    /// <summary>
    /// SCAFFOLD at the edge: moves each accepted result's c_i by its Δc_i, on the part it trained, in this transaction
    /// (the edge's aggregate, added with it, keeps a rerun from moving it again); returns the results' sample-weighted
    /// mean Δc_i at the global width for the centre, or null when none brought one (the job switched to SCAFFOLD mid-round).
    /// </summary>
    private async Task<string?> ControlVariatesAsync(FedDbContext db, Round round, ModelArchitecture model, IReadOnlyList<RoundParticipant> accepted, CancellationToken ct)
    {
        var withDelta = accepted.Where(p => p.Result.ControlDeltaHash is not null).ToList();
        if (withDelta.Count == 0) return null;
        var global = new ModelSpec(model);
        var terminals = withDelta.Select(p => p.TerminalId).ToList();
        var controls = await db.TerminalControls.Where(c => c.JobId == round.JobId && terminals.Contains(c.TerminalId)).ToDictionaryAsync(c => c.TerminalId, ct);
        var deltas = withDelta.Select(p => new Contribution(() => blobs.Get(p.Result.ControlDeltaHash!), p.TrainedPart, p.Result.Samples).ToTierResult(model)).ToList();
        for (var i = 0; i < withDelta.Count; i++)
        {
            var (participant, delta) = (withDelta[i], deltas[i]);
            var known = controls.GetValueOrDefault(participant.TerminalId);
            var current = known is null ? ControlVariates.Zeros(global) : blobs.Get(known.ControlHash);
            var next = blobs.Put(ControlVariates.NextTerminal(current, delta.Read(), delta.Spec, global, delta.Segments));
            if (known is null) db.TerminalControls.Add(new TerminalControl(round.JobId, participant.TerminalId, next, round.Id));
            else known.MoveTo(next, round.Id);
        }
        return blobs.Put(ControlVariates.MeanDelta(global, deltas));
    }
}
