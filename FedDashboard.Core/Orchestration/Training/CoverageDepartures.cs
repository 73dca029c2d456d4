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

        foreach (var participant in away)
        {
            db.Attach(participant);
            var edgeNow = edgeOf[participant.TerminalId];
            var departs = edgeNow is null || (edgeNow != participant.EdgeId && edges[participant.EdgeId].Policy.OnDeparture == DepartureRule.Discard);
            if (departs) participant.Depart(Reason(edges, participant.EdgeId, edgeNow), now);
            else participant.ReportThrough(edgeNow!.Value);
            if (!await TrySaveAsync(db, participant, ct) || !departs) continue;

            logger.LogInformation("Terminal {TerminalId} left round participation {ParticipantId}: {Reason}", participant.TerminalId, participant.Id, participant.FailureReason);
            var jobId = await db.Rounds.Where(r => r.Id == participant.RoundId).Select(r => r.JobId).SingleAsync(ct);
            await live.PublishAsync(new ParticipantChanged(jobId, participant.RoundId, participant.TerminalId, participant.Status, now));
            await continuation.AfterOutcomeAsync(participant.RoundId, ct);
        }
    }

    private static string Reason(IReadOnlyDictionary<int, EdgeServer> edges, int from, int? to) => to is { } edge
        ? $"Left {edges[from].Name}'s coverage for {edges[edge].Name}'s; {edges[from].Name} discards a departed terminal's work."
        : $"Left {edges[from].Name}'s coverage to outside every edge's.";

    /// <summary>False when the training job changed the participant first; the next tick looks at it again.</summary>
    private static async Task<bool> TrySaveAsync(FedDbContext db, RoundParticipant participant, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(participant).State = EntityState.Detached;
            return false;
        }
    }
}
