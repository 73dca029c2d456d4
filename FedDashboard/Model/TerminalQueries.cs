using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Topology;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed class TerminalQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <summary>How much history the detail page draws; at the simulator's 10 s interval this is the last day and more.</summary>
    public const int HistoryPointsShown = 10_000;

    public const int RoundsShown = 200;

    public async Task<IReadOnlyList<TerminalRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var terminals = await db.Terminals.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var edges = await EdgeNamesAsync(db, ct);
        var reliability = await Reliability.ByTerminalAsync(db.RoundParticipants, ct);
        return [.. terminals.Select(t => Row(t, edges, reliability.GetValueOrDefault(t.Id, Reliability.NoWork)))];
    }

    public async Task<TerminalDetail?> DetailAsync(int terminalId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Terminals.AsNoTracking().SingleOrDefaultAsync(t => t.Id == terminalId, ct) is not { } terminal) return null;
        var edges = await EdgeNamesAsync(db, ct);
        var reliability = await Reliability.ByTerminalAsync(db.RoundParticipants.Where(p => p.TerminalId == terminalId), ct);

        var history = await db.TelemetryRecords.Where(r => r.TerminalId == terminalId)
            .OrderByDescending(r => r.At).Take(HistoryPointsShown)
            .Select(r => new TelemetryPoint(r.At, r.CpuLoad, r.Battery, r.TrainingSamplesPerSecond, r.Online))
            .ToListAsync(ct);
        var coverage = await db.CoverageEvents.Where(e => e.TerminalId == terminalId)
            .OrderByDescending(e => e.At).Take(RoundsShown)
            .Select(e => new { e.At, e.FromEdgeId, e.ToEdgeId })
            .ToListAsync(ct);
        var rounds = await db.RoundParticipants.Where(p => p.TerminalId == terminalId)
            .Join(db.Rounds, p => p.RoundId, r => r.Id, (p, r) => new { p, r.Number })
            .OrderByDescending(x => x.p.AssignedAt).Take(RoundsShown)
            .Select(x => new TerminalRoundRow(x.p.RoundId, x.Number, x.p.Status, x.p.AssignedWidth, x.p.Width, x.p.SwappedAt, x.p.SwapReason,
                x.p.Segment, x.p.Samples, x.p.SharedSamples, x.p.TrainAccuracy, x.p.FilterReason ?? x.p.FailureReason, x.p.AssignedAt))
            .ToListAsync(ct);

        return new TerminalDetail(
            Row(terminal, edges, reliability.GetValueOrDefault(terminalId, Reliability.NoWork)),
            [.. history.OrderBy(h => h.At)],
            [.. coverage.Select(e => new CoverageEventRow(e.At, Name(edges, e.FromEdgeId), Name(edges, e.ToEdgeId)))],
            rounds);
    }

    private static TerminalRow Row(Terminal t, IReadOnlyDictionary<int, string> edges, Reliability reliability) =>
        new(t.Id, t.Name, t.Type, t.Tier, t.EdgeId, Name(edges, t.EdgeId), t.Online, t.CpuLoad, t.Battery, t.FreeMemoryMb,
            t.TrainingSamplesPerSecond, reliability, t.App, t.DataSamples, t.DataUpdatedAt, t.DataAnonymized, t.LastSeen, t.PositionX, t.PositionY);

    private static string? Name(IReadOnlyDictionary<int, string> edges, int? edgeId) =>
        edgeId is { } id ? edges.GetValueOrDefault(id, $"edge #{id}") : null;

    private static async Task<Dictionary<int, string>> EdgeNamesAsync(FedDbContext db, CancellationToken ct) =>
        await db.EdgeServers.ToDictionaryAsync(e => e.Id, e => e.Name, ct);
}
