using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// After the fleet moved, each open participant whose terminal is outside its edge's coverage is handled by
/// that edge's <see cref="DepartureRule"/>: it departs, or it goes on and reports through the edge it is in now.
/// </summary>
public sealed class CoverageDepartures(RoundContinuation continuation, ILivePublisher live, ILogger<CoverageDepartures> logger)
{
    /// <param name="open">Open participants as read, untracked; <paramref name="db"/> has no pending changes.</param>
    /// <param name="edgeOf">The edge (null: none) of each terminal that reported, by id, already saved.</param>
    public async Task ApplyAsync(FedDbContext db, IReadOnlyList<RoundParticipant> open, IReadOnlyDictionary<int, int?> edgeOf, DateTimeOffset now, CancellationToken ct)
    {
        var away = open.Where(p => edgeOf.TryGetValue(p.TerminalId, out var edge) && edge != (p.ReportedThroughEdgeId ?? p.EdgeId)).ToList();
        if (away.Count == 0) return;
        var edges = await db.EdgeServers.AsNoTracking().ToDictionaryAsync(e => e.Id, ct);

        var departing = new HashSet<RoundParticipant>();
        foreach (var participant in away)
        {
            db.Attach(participant);
            var edgeNow = edgeOf[participant.TerminalId];
            var departs = edgeNow is null || (edgeNow != participant.EdgeId && edges[participant.EdgeId].Policy.OnDeparture == DepartureRule.Discard);
            if (departs)
            {
                participant.Depart(Reason(edges, participant.EdgeId, edgeNow), now);
                departing.Add(participant);
            }
            else participant.ReportThrough(edgeNow!.Value);
        }
        var departed = (await SaveAsync(db, away, ct)).Where(departing.Contains).ToList();
        if (departed.Count == 0) return;

        var roundIds = departed.Select(p => p.RoundId).Distinct().ToList();
        var jobOf = await db.Rounds.Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.JobId, ct);
        foreach (var participant in departed)
        {
            logger.LogInformation("Terminal {TerminalId} left round participation {ParticipantId}: {Reason}", participant.TerminalId, participant.Id, participant.FailureReason);
            await live.PublishAsync(new ParticipantChanged(jobOf[participant.RoundId], participant.RoundId, participant.TerminalId, participant.Status, now));
        }
        // Once per round, not per departure: a round whose last open participant left is ready to aggregate.
        foreach (var roundId in roundIds) await continuation.AfterOutcomeAsync(roundId, ct);
    }

    private static string Reason(IReadOnlyDictionary<int, EdgeServer> edges, int from, int? to) => to is { } edge
        ? $"Left {edges[from].Name}'s coverage for {edges[edge].Name}'s; {edges[from].Name} discards a departed terminal's work."
        : $"Left {edges[from].Name}'s coverage to outside every edge's.";

    /// <summary>
    /// Saves the changed participants in one go; one the training job changed first is left as it is, and the next tick
    /// looks at it again.
    /// </summary>
    /// <returns>The participants saved.</returns>
    private static async Task<IReadOnlyList<RoundParticipant>> SaveAsync(FedDbContext db, IReadOnlyList<RoundParticipant> changed, CancellationToken ct)
    {
        var overtaken = new HashSet<object>();
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return [.. changed.Where(p => !overtaken.Contains(p))];
            }
            catch (DbUpdateConcurrencyException conflict) when (conflict.Entries.Count > 0)
            {
                foreach (var entry in conflict.Entries)
                {
                    entry.State = EntityState.Detached;
                    overtaken.Add(entry.Entity);
                }
            }
        }
    }
}
