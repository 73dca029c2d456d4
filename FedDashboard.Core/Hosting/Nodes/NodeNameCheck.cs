using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// Refuses to start a second process under the name of a running node: the two would share one row and one lease. A row
/// whose heartbeat is fresh may also be a killed node's, restarted at once under its name: two heartbeats later the row
/// tells which, so the wait falls only on a start that finds its name fresh.
/// </summary>
public sealed class NodeNameCheck(IDbContextFactory<FedDbContext> dbFactory, IOptions<NodeOptions> options)
{
    /// <exception cref="StartupException">A node of the same name heartbeats.</exception>
    public async Task EnsureFreeAsync(CancellationToken ct)
    {
        var name = NodeIdentity.NameFrom(options.Value);
        var before = await FreshHeartbeatAsync(name, ct);
        if (before is null) return;
        // The other process's clock, not this host's (a test's may stand still): a real wait.
        await Task.Delay(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds * 2), ct);
        if (await FreshHeartbeatAsync(name, ct) is { } after && after != before)
            throw new StartupException($"A node named '{name}' is running on this database (its heartbeat goes on): give this one another name (Fed:Node:Name).");
    }

    private async Task<DateTimeOffset?> FreshHeartbeatAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var goneAfter = TimeSpan.FromSeconds(options.Value.GoneAfterSeconds);
        var beats = await db.Database.SqlQuery<DateTimeOffset>($"""
            SELECT "LastHeartbeat" AS "Value" FROM "ClusterNodes" WHERE "Name" = {name} AND "LastHeartbeat" >= now() - {goneAfter}
            """).ToListAsync(ct);
        return beats is [var beat] ? beat : null;
    }
}
