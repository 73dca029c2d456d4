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
/// One edge's step of starting a round, on the edge's own queue when a node serves it: the edge selects its share among
/// its own idle terminals by its strategy, assigns them the model it holds and hands them their training. Safe to run
/// twice or on two nodes at once: the edge's part of the round is taken for update and marked selected in the same
/// transaction as the participants; the round's row is held in share mode, so the round cannot stop collecting meanwhile.
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
        IReadOnlyList<(int Id, TerminalOrigin Origin)> assigned;
        await using (var selecting = await RoundStartLock.TakeAsync(db, ct))
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
            assigned = round.Phase == RoundPhase.Collecting && now < round.Deadline ? await AssignAsync(db, round, part, now, ct) : [];
            part.MarkSelected(now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        foreach (var participant in assigned) assignments.Assigned(participant.Id, edgeId, participant.Origin);
        await db.AggregateIfReadyAsync(roundId, scheduler, clock.GetUtcNow(), ct);
    }

    private async Task<IReadOnlyList<(int Id, TerminalOrigin Origin)>> AssignAsync(FedDbContext db, Round round, RoundEdge part, DateTimeOffset now, CancellationToken ct)
    {
        var job = await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == round.JobId, ct);
        var edge = await db.EdgeServers.AsNoTracking().SingleAsync(e => e.Id == part.EdgeId, ct);
        // Untracked: of the terminals read, only those that asked for work and now get it are written back.
        IReadOnlyList<Terminal> idle = await db.IdleTerminalsFor(job).Where(t => t.EdgeId == edge.Id).AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var requestId = await db.TrainingRequests.Where(r => r.JobId == job.Id).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (requestId is { } request) idle = await requestRounds.CandidatesAsync(request, idle, [edge], ct);
        var idleIds = idle.Select(t => t.Id).ToList();
        var reliability = edge.Policy.Evaluation.ApplyAtSelection
            ? await ReliabilityRecords.ByTerminalAsync(db.RoundParticipants.Where(p => idleIds.Contains(p.TerminalId)), ct)
            : [];
        var donors = job.Settings.ShareData ? await EdgeDonors.ByEdgeAsync(db, job, [edge], now, ct) : null;
        // The fleet's size is the central tier's concern: it decided the share already.
        var candidates = new RoundCandidates(round.Number, 0, [edge], idle, reliability, donors, now);
        var selection = strategies.For(job).Select(new EdgeQuota(edge, part.EdgeIndex, part.FirstParticipant, part.Share, part.Eligible), candidates);

        var model = await EdgeStartModel.OfAsync(db, job, round, edge.Id, ct);
        var granted = RoundRoster.Fill(round, [selection], job.Settings.DataSource, new Dictionary<int, string> { [edge.Id] = model }, now);
        var ids = await ParticipantRows.InsertAsync(db, round.Id, round.Participants, ct);
        var requested = selection.Assigned.Where(a => a.Terminal.WorkRequestedAt is not null).Select(a => a.Terminal.Id).ToList();
        if (requested.Count > 0)
            await db.Terminals.Where(t => requested.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.WorkRequestedAt, (DateTimeOffset?)null), ct);
        // A grant names its participant's id, which exists only once the participant is saved; the transaction keeps both or neither.
        db.SharedDataGrants.AddRange(granted.SelectMany(x => x.Grants.Select(g => new SharedDataGrant(ids[x.Participant.TerminalId], g.DonorTerminalId, g.Samples, now))));
        logger.LogInformation("Job {JobId}: {Edge} selected {Count} of its terminals for round {Round} ({Declined} declined).",
            job.Id, edge.Name, selection.Assigned.Count, round.Number, selection.Declined.Count);
        return [.. selection.Assigned.Select(a => (ids[a.Terminal.Id], a.Terminal.Origin))];
    }
}
