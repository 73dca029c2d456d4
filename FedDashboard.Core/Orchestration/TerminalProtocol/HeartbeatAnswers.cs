using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// What a heartbeat's answer needs, held in memory so a heartbeat costs no database read: which edge covers a point
/// (over the edges as of the last flush) and each terminal's open assignment (as of the last flush, so up to one flush
/// late). Loaded at the first heartbeat, refreshed by every flush. Thread-safe; one per process.
/// </summary>
public sealed class HeartbeatAnswers(IDbContextFactory<FedDbContext> dbFactory, IOptions<FleetOptions> fleet)
{
    private sealed record Snapshot(IReadOnlyList<EdgeServer> Edges, CoverageIndex Coverage, IReadOnlyDictionary<int, int> OpenAssignments);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    /// <returns>The covering edge's id (the nearest centre among those that cover the point), or null outside every coverage.</returns>
    public async Task<(int? EdgeId, int? AssignmentId)> AnswerAsync(int terminalId, double x, double y, CancellationToken ct)
    {
        var snapshot = _current ?? await LoadAsync(ct);
        var edge = snapshot.Coverage.Locate(x, y);
        return (edge < 0 ? null : snapshot.Edges[edge].Id, snapshot.OpenAssignments.TryGetValue(terminalId, out var id) ? id : null);
    }

    /// <param name="open">The open participations as the flush left them.</param>
    internal void Refresh(IReadOnlyList<EdgeServer> edges, IEnumerable<RoundParticipant> open)
    {
        var coverage = _current is { } current && SameCircles(current.Edges, edges) ? current.Coverage : CoverageIndex.Build(edges, fleet.Value.MapSize);
        _current = new Snapshot(edges, coverage, open.Where(p => p.IsOpen).GroupBy(p => p.TerminalId).ToDictionary(g => g.Key, g => g.Max(p => p.Id)));
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded) return loaded;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
            var open = await db.RoundParticipants.AsNoTracking()
                .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
                .ToListAsync(ct);
            Refresh(edges, open);
            return _current!;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static bool SameCircles(IReadOnlyList<EdgeServer> a, IReadOnlyList<EdgeServer> b) =>
        a.Select(e => (e.Id, e.CenterX, e.CenterY, e.Radius)).SequenceEqual(b.Select(e => (e.Id, e.CenterX, e.CenterY, e.Radius)));
}
