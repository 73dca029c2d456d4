using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// The whole fleet as the live pages show it, read from the terminals' table: its totals and its map. A fleet beyond
/// <see cref="FleetMap.PositionsUpTo"/> is counted by PostgreSQL, per edge, state and cell, and no terminal's row comes
/// back: what reading it costs stays the same however big the fleet.
/// </summary>
public static class FleetState
{
    private sealed record Totals(int Terminals, int Online, int InCoverage, double MeanCpuLoad, double MaxCpuLoad, double MeanBattery);

    private sealed record Group(int? EdgeId, bool Online, int? Status, long Column, long Row, int Terminals);

    /// <param name="training">The terminals training now, counted in the tick.</param>
    public static async Task<FleetTick> TickAsync(FedDbContext db, int training, DateTimeOffset at, CancellationToken ct)
    {
        var totals = (await db.Database.SqlQuery<Totals>($"""
            SELECT count(*)::int AS "Terminals",
                count(*) FILTER (WHERE "Online")::int AS "Online",
                count(*) FILTER (WHERE "Online" AND "EdgeId" IS NOT NULL)::int AS "InCoverage",
                coalesce(avg("CpuLoad") FILTER (WHERE "Online"), 0) AS "MeanCpuLoad",
                coalesce(max("CpuLoad") FILTER (WHERE "Online"), 0) AS "MaxCpuLoad",
                coalesce(avg("Battery"), 0) AS "MeanBattery"
            FROM "Terminals"
            """).ToListAsync(ct))[0];
        return new FleetTick(totals.Terminals, totals.Online, totals.InCoverage, training, totals.MeanCpuLoad, totals.MaxCpuLoad, totals.MeanBattery, at);
    }

    /// <param name="participation">Each terminal's open participation, else one that reported lately (see <see cref="FleetActivity.Of"/>).</param>
    public static async Task<FleetMap> MapAsync(FedDbContext db, IReadOnlyDictionary<int, ParticipantStatus> participation, DensityGrid grid, DateTimeOffset at, CancellationToken ct)
    {
        if (await db.Terminals.CountAsync(ct) <= FleetMap.PositionsUpTo)
        {
            var terminals = await db.Terminals.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.PositionX, t.PositionY, t.EdgeId, t.Online }).ToListAsync(ct);
            return FleetMap.Of([.. terminals.Select(t => new TerminalPosition(t.Id, t.PositionX, t.PositionY, t.EdgeId,
                FleetActivity.Of(t.Online, t.EdgeId is not null, participation.TryGetValue(t.Id, out var s) ? s : null)))], grid, at);
        }
        int[] ids = [.. participation.Keys];
        int[] statuses = [.. participation.Values.Select(s => (int)s)];
        var groups = await db.Database.SqlQuery<Group>($"""
            SELECT t."EdgeId", t."Online", p.status AS "Status", floor(t."PositionX" / {grid.CellSize})::bigint AS "Column",
                floor(t."PositionY" / {grid.CellSize})::bigint AS "Row", count(*)::int AS "Terminals"
            FROM "Terminals" t LEFT JOIN unnest({ids}, {statuses}) AS p(id, status) ON p.id = t."Id"
            GROUP BY 1, 2, 3, 4, 5
            """).ToListAsync(ct);
        var counted = groups.Select(g => (g.EdgeId, Activity: FleetActivity.Of(g.Online, g.EdgeId is not null, (ParticipantStatus?)g.Status), Cell: DensityGrid.CellAt(g.Column, g.Row), g.Terminals)).ToList();
        return new FleetMap(
            counted.Sum(c => c.Terminals),
            [.. counted.GroupBy(c => (c.EdgeId, c.Activity)).Select(g => new EdgeActivityCount(g.Key.EdgeId, g.Key.Activity, g.Sum(c => c.Terminals)))],
            [.. counted.GroupBy(c => c.Cell).OrderBy(g => g.Key.Row).ThenBy(g => g.Key.Column).Select(g => new CellCount(g.Key.Column, g.Key.Row, g.Sum(c => c.Terminals)))],
            [],
            at);
    }
}
