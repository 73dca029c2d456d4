using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>The nodes on the database: each writes its own row at every heartbeat, on the database's clock.</summary>
public sealed class NodeRegistry(IDbContextFactory<FedDbContext> dbFactory, NodeIdentity node, TakenOverQueues takenOver, IOptions<NodeOptions> options)
{
    /// <summary>Registers the node, with the queues it serves now, or renews its heartbeat, and removes the rows of nodes silent past the pruning age.</summary>
    /// <returns>The live nodes (heartbeat within GoneAfterSeconds), this one among them.</returns>
    public async Task<IReadOnlyList<ClusterNode>> BeatAsync(TimeSpan clockOffset, string? leadershipRefusal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = node.Role.ToString();
        var queues = node.Queues.Concat(takenOver.Queues).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ClusterNodes" ("Name", "Role", "Queues", "Version", "StartedAt", "LastHeartbeat", "ClockOffsetMs", "LeadershipRefusal", "PublicUrl")
            VALUES ({node.Name}, {role}, {queues}, {node.Version}, {node.StartedAt}, now(), {clockOffset.TotalMilliseconds}, {leadershipRefusal}, {node.PublicUrl})
            ON CONFLICT ("Name") DO UPDATE SET
                "Role" = EXCLUDED."Role", "Queues" = EXCLUDED."Queues", "Version" = EXCLUDED."Version", "StartedAt" = EXCLUDED."StartedAt",
                "LastHeartbeat" = now(), "ClockOffsetMs" = EXCLUDED."ClockOffsetMs", "LeadershipRefusal" = EXCLUDED."LeadershipRefusal",
                "PublicUrl" = EXCLUDED."PublicUrl"
            """, ct);
        var pruneAfter = TimeSpan.FromHours(options.Value.PruneAfterHours);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM "ClusterNodes" WHERE "LastHeartbeat" < now() - {pruneAfter}
            """, ct);
        var goneAfter = TimeSpan.FromSeconds(options.Value.GoneAfterSeconds);
        return await db.ClusterNodes.FromSql($"""
            SELECT * FROM "ClusterNodes" WHERE "LastHeartbeat" >= now() - {goneAfter}
            """).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Every node, the lease and the database's time they are judged by.</summary>
    public async Task<NodesOverview> OverviewAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = (await db.Database.SqlQuery<DateTimeOffset>($"""SELECT now() AS "Value" """).ToListAsync(ct))[0];
        var nodes = await db.ClusterNodes.AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
        var lease = await db.LeaderLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == LeaderLease.SingletonWork, ct);
        return new NodesOverview(nodes, lease is not null && lease.ExpiresAt > now ? lease : null, now,
            TimeSpan.FromSeconds(options.Value.GoneAfterSeconds), TimeSpan.FromSeconds(2 * options.Value.HeartbeatSeconds));
    }

    /// <summary>Whether this node's row is on the database and fresh.</summary>
    public async Task<bool> IsRegisteredAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var goneAfter = TimeSpan.FromSeconds(options.Value.GoneAfterSeconds);
        return (await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM "ClusterNodes" WHERE "Name" = {node.Name} AND "LastHeartbeat" >= now() - {goneAfter}) AS "Value"
            """).ToListAsync(ct))[0];
    }
}
