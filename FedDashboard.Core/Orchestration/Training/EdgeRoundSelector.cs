using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Requests.Allocation;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// The edges' step of starting a round: each edge selects its share among its own idle terminals by its strategy, assigns
/// them the model it holds and hands them their training. An edge with a live edge node selects on that node's queue
/// (<see cref="SelectAsync"/>), safe to run twice or on two nodes at once: the edge's part of the round is taken for
/// update and marked selected in the same transaction as the participants, and the round's row is held in share mode,
/// so the round cannot stop collecting meanwhile. The other edges select in the central start's own
/// transaction, from the idle terminals it read (<see cref="AssignAsync"/>).
/// </summary>
public sealed class EdgeRoundSelector(
    IDbContextFactory<FedDbContext> dbFactory,
    RoundStrategies strategies,
    RequestRounds requestRounds,
    IRoundScheduler scheduler,
    IAssignmentNotifier assignments,
    RoundSteps steps,
    TimeProvider clock,
    ILogger<EdgeRoundSelector> logger)
{
    public async Task SelectAsync(int roundId, int edgeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IReadOnlyList<AssignedParticipant> assigned = [];
        await using (var selecting = await SelectionLock.TakeAsync(db, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Rounds\" WHERE \"Id\" = {roundId} FOR SHARE", ct);
            var part = await db.RoundEdges
                .FromSql($"SELECT * FROM \"RoundEdges\" WHERE \"RoundId\" = {roundId} AND \"EdgeId\" = {edgeId} FOR UPDATE")
                .SingleAsync(ct);
            if (part.IsSelected) return;
            // Untracked: the edge's participants are saved in one statement of their own, not through the round.
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
            using var step = steps.Begin(RoundStep.Start, round.JobId, roundId, edgeId);
            var now = clock.GetUtcNow();
            // A round past its deadline, or ended (aborted), before the edge came to select takes nobody more.
            if (round.Phase == RoundPhase.Collecting && now < round.Deadline)
            {
                var job = await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == round.JobId, ct);
                var idle = await db.ReadIdleTerminalsAsync(job, edgeId, ct);
                assigned = await AssignAsync(db, job, round, [part], idle, now, ct);
            }
            part.MarkSelected(now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        assignments.Assigned(assigned);
        await db.AggregateIfReadyAsync(roundId, scheduler, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Selects the edges' shares of a collecting round and saves their participants, in the caller's transaction and
    /// under its <see cref="SelectionLock"/>; marking the edges selected is the caller's.
    /// </summary>
    /// <param name="round">Untracked: its participants are saved in one statement of their own, not through it.</param>
    /// <param name="idle">The job's idle terminals in these edges' coverage, read under the same lock.</param>
    internal async Task<IReadOnlyList<AssignedParticipant>> AssignAsync(
        FedDbContext db, TrainingJob job, Round round, IReadOnlyList<RoundEdge> parts, IReadOnlyList<Terminal> idle, DateTimeOffset now, CancellationToken ct)
    {
        var edgeIds = parts.Select(p => p.EdgeId).ToList();
        var edges = await db.EdgeServers.AsNoTracking().Where(e => edgeIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var idleByEdge = idle.ToLookup(t => t.EdgeId);
        var requestId = await db.TrainingRequests.Where(r => r.JobId == job.Id).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        var candidates = new Dictionary<int, IReadOnlyList<Terminal>>();
        foreach (var edgeId in edgeIds)
        {
            IReadOnlyList<Terminal> ofEdge = [.. idleByEdge[edgeId]];
            candidates[edgeId] = requestId is { } request ? await requestRounds.CandidatesAsync(request, ofEdge, [edges[edgeId]], ct) : ofEdge;
        }
        var judged = edgeIds.Where(id => edges[id].Policy.Evaluation.ApplyAtSelection).SelectMany(id => candidates[id]).Select(t => t.Id).ToList();
        var reliability = judged.Count > 0
            ? await ReliabilityRecords.ByTerminalAsync(db.RoundParticipants.Where(p => judged.Contains(p.TerminalId)), ct)
            : [];
        var donors = job.Settings.ShareData ? await EdgeDonors.ByEdgeAsync(db, job, [.. edges.Values], now, ct) : null;
        var strategy = strategies.For(job);
        var models = await EdgeStartModel.OfAsync(db, job, round, edgeIds, ct);
        var selections = new List<EdgeSelection>(parts.Count);
        foreach (var part in parts)
        {
            var edge = edges[part.EdgeId];
            // The fleet's size is the central tier's concern: it decided the share already.
            var offered = new RoundCandidates(round.Number, 0, [edge], candidates[edge.Id], reliability, donors, now);
            var selection = strategy.Select(new EdgeQuota(edge, part.EdgeIndex, part.FirstParticipant, part.Share, part.Eligible), offered);
            selections.Add(selection);
            logger.LogInformation("Job {JobId}: {Edge} selected {Count} of its terminals for round {Round} ({Declined} declined).",
                job.Id, edge.Name, selection.Assigned.Count, round.Number, selection.Declined.Count);
        }

        var granted = RoundRoster.Fill(round, selections, job.Settings.DataSource, models, now);
        var ids = await ParticipantRows.InsertAsync(db, round.Id, round.Participants, ct);
        var assigned = selections.SelectMany(s => s.Assigned.Select(a => (Edge: s.Edge.Id, a.Terminal))).ToList();
        var requested = assigned.Where(a => a.Terminal.WorkRequestedAt is not null).Select(a => a.Terminal.Id).ToList();
        if (requested.Count > 0)
            await db.Terminals.Where(t => requested.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.WorkRequestedAt, (DateTimeOffset?)null), ct);
        // A grant names its participant's id, which exists only once the participant is saved; the transaction keeps both or neither.
        db.SharedDataGrants.AddRange(granted.SelectMany(x => x.Grants.Select(g => new SharedDataGrant(ids[x.Participant.TerminalId], g.DonorTerminalId, g.Samples, now))));
        return [.. assigned.Select(a => new AssignedParticipant(ids[a.Terminal.Id], a.Edge, a.Terminal.Origin))];
    }
}
