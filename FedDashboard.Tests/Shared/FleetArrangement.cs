using FedDashboard.Core.Domain.Policies.Edge;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>A terminal's state for a test: which edge covers it and the telemetry and data the policies read.</summary>
public sealed record TerminalState(int Edge, double Load, double Battery, bool Anonymized, double DataAgeHours, int Samples, bool RequestsWork);

/// <summary>Puts the seeded fleet into the state a test needs, through the domain methods the fleet itself uses.</summary>
public static class FleetArrangement
{
    /// <summary>
    /// The first terminals (by id) take the given states, one each; every other terminal goes offline, so only these
    /// can be selected. Returns their ids in the order given.
    /// </summary>
    public static async Task<int[]> KeepOnlyAsync(this FedTestHost host, params TerminalState[] states)
    {
        await using var db = host.Db();
        var edges = await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var terminals = await db.Terminals.OrderBy(t => t.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < terminals.Count; i++)
        {
            var terminal = terminals[i];
            if (i >= states.Length)
            {
                terminal.ReportTelemetry(terminal.CpuLoad, terminal.Battery, terminal.FreeMemoryMb, online: false, now);
                continue;
            }
            var state = states[i];
            terminal.MoveTo(terminal.PositionX, terminal.PositionY, edges[state.Edge]);
            terminal.ReportTelemetry(state.Load, state.Battery, 2048, online: true, now);
            terminal.DescribeData("camera", state.Samples, state.Anonymized, now.AddHours(-state.DataAgeHours));
            if (state.RequestsWork) terminal.RequestWork(now);
        }
        await db.SaveChangesAsync();
        return [.. terminals.Take(states.Length).Select(t => t.Id)];
    }

    /// <summary>Gives the edge at this position (edges ordered by id) a new policy; returns the edge's id.</summary>
    public static async Task<int> SetPolicyAsync(this FedTestHost host, int edge, EdgePolicy policy)
    {
        await using var db = host.Db();
        var server = await db.EdgeServers.OrderBy(e => e.Id).Skip(edge).FirstAsync();
        server.ChangePolicy(policy, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return server.Id;
    }
}
