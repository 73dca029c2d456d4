using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed class TerminalQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <summary>How much history the detail page draws; at the simulator's 10 s interval this is the last day and more.</summary>
    public const int HistoryPointsShown = 10_000;

    public const int RoundsShown = 200;

    public async Task<TerminalPage> PageAsync(TerminalListFilter filter, IReadOnlyList<TerminalSort> sorts, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TerminalListing.PageAsync(db, filter, sorts, page, pageSize, ct);
    }

    public async Task<IReadOnlyList<TerminalRow>> RowsAsync(IReadOnlyList<int> terminalIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TerminalListing.RowsAsync(db, terminalIds, ct);
    }

    /// <summary>The edges a list can be filtered by, and terminals outside every coverage.</summary>
    public async Task<IReadOnlyList<EdgeChoice>> EdgeChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edges = await db.EdgeServers.OrderBy(e => e.Name).Select(e => new EdgeChoice(e.Id, e.Name)).ToListAsync(ct);
        return [.. edges, new EdgeChoice(null, "out of coverage")];
    }

    public async Task<TerminalDetail?> DetailAsync(int terminalId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Terminals.AsNoTracking().SingleOrDefaultAsync(t => t.Id == terminalId, ct) is not { } terminal) return null;
        var edges = await EdgeNamesAsync(db, ct);
        var reliability = await ReliabilityRecords.ByTerminalAsync(db.RoundParticipants.Where(p => p.TerminalId == terminalId), ct);

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
            .Select(x => new TerminalRoundRow(x.p.RoundId, x.Number, x.p.Status, x.p.Assignment.Width, x.p.Work.Width, x.p.Work.SwappedAt, x.p.Work.SwapReason,
                x.p.Assignment.Segment, x.p.Result.Samples, x.p.Assignment.SharedSamples, x.p.Result.TrainAccuracy, x.p.FilterReason ?? x.p.FailureReason, x.p.AssignedAt))
            .ToListAsync(ct);

        var identity = await IdentityAsync(db, terminalId, ct);

        return new TerminalDetail(
            TerminalRow.Of(terminal, Name(edges, terminal.EdgeId), reliability.GetValueOrDefault(terminalId, Reliability.NoWork), identity.Refusals.Sum(r => r.Count)),
            [.. history.OrderBy(h => h.At)],
            [.. coverage.Select(e => new CoverageEventRow(e.At, Name(edges, e.FromEdgeId), Name(edges, e.ToEdgeId)))],
            rounds,
            identity);
    }

    private static async Task<TerminalIdentity> IdentityAsync(FedDbContext db, int terminalId, CancellationToken ct)
    {
        var credentials = db.TerminalCredentials.Where(c => c.TerminalId == terminalId);
        var active = await credentials.Where(c => c.RevokedAt == null).OrderByDescending(c => c.IssuedAt)
            .Select(c => new TerminalCredentialState(c.Id, c.IssuedAt, c.RevokedAt, c.RevokedBy, c.RevokeReason)).FirstOrDefaultAsync(ct);
        var lastRevoked = await credentials.Where(c => c.RevokedAt != null).OrderByDescending(c => c.RevokedAt)
            .Select(c => new TerminalCredentialState(c.Id, c.IssuedAt, c.RevokedAt, c.RevokedBy, c.RevokeReason)).FirstOrDefaultAsync(ct);
        var refusals = await db.TerminalRefusalCounts.Where(r => r.TerminalId == terminalId).OrderByDescending(r => r.LastAt)
            .Select(r => new RefusedCallsRow(r.Code, r.Count, r.LastAt, r.LastMessage)).ToListAsync(ct);
        return new TerminalIdentity(active, lastRevoked, refusals);
    }

    private static string? Name(IReadOnlyDictionary<int, string> edges, int? edgeId) =>
        edgeId is { } id ? edges.GetValueOrDefault(id, $"edge #{id}") : null;

    private static async Task<Dictionary<int, string>> EdgeNamesAsync(FedDbContext db, CancellationToken ct) =>
        await db.EdgeServers.ToDictionaryAsync(e => e.Id, e => e.Name, ct);
}
