using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// Puts a terminal somewhere on the map in the database while leaving its stored edge as it was, so the next fleet
/// tick sees it cross a coverage boundary.
/// </summary>
public static class FleetPlacement
{
    /// <returns>The terminal (the first of its edge unless given), the edge it was in and the edge it is in now.</returns>
    public static async Task<(int TerminalId, EdgeServer From, EdgeServer To)> PlaceInOtherEdgeAsync(FedTestHost host, int? terminalId = null)
    {
        await using var db = host.Db();
        var terminal = await db.Terminals.OrderBy(t => t.Id).FirstAsync(t => terminalId == null || t.Id == terminalId);
        var edges = await db.EdgeServers.OrderBy(e => e.Id).ToListAsync();
        var from = edges.Single(e => e.Id == terminal.EdgeId);
        var to = edges.First(e => e.Id != from.Id);
        terminal.MoveTo(to.CenterX, to.CenterY, from.Id);
        await db.SaveChangesAsync();
        return (terminal.Id, from, to);
    }

    public static async Task<int> PlaceOutsideCoverageAsync(FedTestHost host, int? terminalId = null)
    {
        await using var db = host.Db();
        var terminal = await db.Terminals.OrderBy(t => t.Id).FirstAsync(t => terminalId == null || t.Id == terminalId);
        var edges = await db.EdgeServers.ToListAsync();
        var corners = new[] { (0.0, 0.0), (1000.0, 0.0), (0.0, 1000.0), (1000.0, 1000.0) };
        var (x, y) = corners.First(c => !edges.Any(e => e.Covers(c.Item1, c.Item2)));
        terminal.MoveTo(x, y, terminal.EdgeId);
        await db.SaveChangesAsync();
        return terminal.Id;
    }

    public static async Task SetPolicyAsync(FedTestHost host, Func<EdgePolicy, EdgePolicy> change)
    {
        await using var db = host.Db();
        foreach (var edge in await db.EdgeServers.ToListAsync()) edge.ChangePolicy(change(edge.Policy), TestData.Now);
        await db.SaveChangesAsync();
    }
}
