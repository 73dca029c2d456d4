using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Simulation;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace FedDashboard.Model;

/// <summary>
/// The Terminals page's query: the database filters, sorts and pages the terminals with their edge's name; reliability,
/// which needs the participation history, is read only for the terminals on the page.
/// </summary>
public static class TerminalListing
{
    /// <summary>A terminal with the name of the edge covering it, the shape the list filters and sorts.</summary>
    private sealed class Listed
    {
        public required Terminal Terminal { get; init; }
        public string? Edge { get; init; }
    }

    public static async Task<TerminalPage> PageAsync(FedDbContext db, TerminalListFilter filter, IReadOnlyList<TerminalSort> sorts, int page, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var filtered = Filtered(db.Terminals, filter);
        // Counted without the edges' names: only the page's rows need them.
        var total = await filtered.CountAsync(ct);
        var shown = await Sorted(WithEdge(db, filtered), sorts).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new(await RowsAsync(db, shown, ct), total);
    }

    /// <summary>The given terminals afresh, in the given order, for a live refresh of the rows on show; terminals gone since are left out.</summary>
    public static async Task<IReadOnlyList<TerminalRow>> RowsAsync(FedDbContext db, IReadOnlyList<int> terminalIds, CancellationToken ct)
    {
        var ids = terminalIds.ToList();
        var listed = await WithEdge(db, db.Terminals.Where(t => ids.Contains(t.Id))).ToListAsync(ct);
        var order = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return await RowsAsync(db, [.. listed.OrderBy(x => order[x.Terminal.Id])], ct);
    }

    private static async Task<IReadOnlyList<TerminalRow>> RowsAsync(FedDbContext db, IReadOnlyList<Listed> listed, CancellationToken ct)
    {
        if (listed.Count == 0) return [];
        var ids = listed.Select(x => x.Terminal.Id).ToList();
        var reliability = await ReliabilityRecords.ByTerminalAsync(db.RoundParticipants.Where(p => ids.Contains(p.TerminalId)), ct);
        var refusals = await RefusalsAsync(db, ids, ct);
        return [.. listed.Select(x => TerminalRow.Of(x.Terminal, x.Edge, reliability.GetValueOrDefault(x.Terminal.Id, Reliability.NoWork),
            refusals.GetValueOrDefault(x.Terminal.Id)))];
    }

    /// <summary>How many calls of each terminal the edge refused, all codes together; terminals never refused are missing.</summary>
    public static async Task<Dictionary<int, long>> RefusalsAsync(FedDbContext db, IReadOnlyList<int> terminalIds, CancellationToken ct)
    {
        var ids = terminalIds.ToList();
        return await db.TerminalRefusalCounts.Where(r => ids.Contains(r.TerminalId))
            .GroupBy(r => r.TerminalId)
            .Select(g => new { TerminalId = g.Key, Count = g.Sum(r => r.Count) })
            .ToDictionaryAsync(x => x.TerminalId, x => x.Count, ct);
    }

    private static IQueryable<Listed> WithEdge(FedDbContext db, IQueryable<Terminal> terminals) =>
        from t in terminals.AsNoTracking()
        join e in db.EdgeServers on t.EdgeId equals e.Id into covering
        from e in covering.DefaultIfEmpty()
        select new Listed { Terminal = t, Edge = e == null ? null : e.Name };

    private static IQueryable<Terminal> Filtered(IQueryable<Terminal> terminals, TerminalListFilter filter)
    {
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = $"%{EscapeLike(search)}%";
            terminals = terminals.Where(t => EF.Functions.ILike(t.Name, pattern, @"\") || EF.Functions.ILike(t.App, pattern, @"\"));
        }
        if (filter.Edge is { } edge)
            terminals = edge.EdgeId is { } edgeId ? terminals.Where(t => t.EdgeId == edgeId) : terminals.Where(t => t.EdgeId == null);
        if (filter.Online is { } online) terminals = terminals.Where(t => t.Online == online);
        if (filter.Type is { } type) terminals = terminals.Where(t => t.Type == type);
        if (filter.Tier is { } tier) terminals = terminals.Where(t => t.Tier == tier);
        return terminals;
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>The grid's sort keys in order, then the name (unique), so that pages do not overlap or skip terminals.</summary>
    private static IQueryable<Listed> Sorted(IQueryable<Listed> listed, IReadOnlyList<TerminalSort> sorts)
    {
        IOrderedQueryable<Listed>? ordered = null;
        foreach (var sort in sorts) ordered = By(listed, ordered, sort);
        return By(listed, ordered, new TerminalSort(nameof(TerminalRow.Name)));
    }

    private static IOrderedQueryable<Listed> By(IQueryable<Listed> listed, IOrderedQueryable<Listed>? ordered, TerminalSort sort) => sort.Column switch
    {
        nameof(TerminalRow.Name) => By(listed, ordered, x => x.Terminal.Name, sort.Descending),
        nameof(TerminalRow.Type) => By(listed, ordered, x => x.Terminal.Type, sort.Descending),
        nameof(TerminalRow.Tier) => By(listed, ordered, x => x.Terminal.Tier, sort.Descending),
        nameof(TerminalRow.EdgeText) => By(listed, ordered, x => x.Edge, sort.Descending),
        nameof(TerminalRow.Online) => By(listed, ordered, x => x.Terminal.Online, sort.Descending),
        nameof(TerminalRow.CpuLoad) => By(listed, ordered, x => x.Terminal.CpuLoad, sort.Descending),
        nameof(TerminalRow.Battery) => By(listed, ordered, x => x.Terminal.Battery, sort.Descending),
        nameof(TerminalRow.FreeMemoryMb) => By(listed, ordered, x => x.Terminal.FreeMemoryMb, sort.Descending),
        nameof(TerminalRow.TrainingSpeed) => By(listed, ordered, x => x.Terminal.TrainingSamplesPerSecond, sort.Descending),
        nameof(TerminalRow.App) => By(listed, ordered, x => x.Terminal.App, sort.Descending),
        nameof(TerminalRow.DataSamples) => By(listed, ordered, x => x.Terminal.DataSamples, sort.Descending),
        nameof(TerminalRow.DataUpdatedAt) => By(listed, ordered, x => x.Terminal.DataUpdatedAt, sort.Descending),
        nameof(TerminalRow.LastSeen) => By(listed, ordered, x => x.Terminal.LastSeen, sort.Descending),
        nameof(TerminalRow.Origin) => By(listed, ordered, x => x.Terminal.Origin, sort.Descending),
        nameof(TerminalRow.OnlineUntil) => By(listed, ordered, x => x.Terminal.OnlineUntil, sort.Descending),
        nameof(TerminalRow.AgentVersion) => By(listed, ordered, x => x.Terminal.AgentVersion, sort.Descending),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort.Column, "The terminal list cannot be sorted by this column."),
    };

    private static IOrderedQueryable<Listed> By<TKey>(IQueryable<Listed> listed, IOrderedQueryable<Listed>? ordered, Expression<Func<Listed, TKey>> key, bool descending) =>
        ordered is null
            ? descending ? listed.OrderByDescending(key) : listed.OrderBy(key)
            : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
}
