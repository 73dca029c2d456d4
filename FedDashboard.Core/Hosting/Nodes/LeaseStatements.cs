using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// The leader lease's statements. Each is one atomic statement on the database's clock (now()), so the nodes' clocks do
/// not decide who leads; PostgreSQL's INSERT ... ON CONFLICT DO UPDATE settles two nodes taking it at once.
/// </summary>
public sealed class LeaseStatements(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <summary>Takes the lease when nobody holds it or it expired, or renews it when the node holds it.</summary>
    /// <returns>Since when the node holds it; null when another node does.</returns>
    public async Task<DateTimeOffset?> TakeOrRenewAsync(string node, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var held = await db.Database.SqlQuery<DateTimeOffset>($"""
            INSERT INTO "LeaderLeases" ("Name", "Holder", "HeldSince", "ExpiresAt")
            VALUES ({LeaderLease.SingletonWork}, {node}, now(), now() + make_interval(secs => {duration.TotalSeconds}))
            ON CONFLICT ("Name") DO UPDATE SET
                "Holder" = EXCLUDED."Holder",
                "HeldSince" = CASE WHEN "LeaderLeases"."Holder" = EXCLUDED."Holder" THEN "LeaderLeases"."HeldSince" ELSE now() END,
                "ExpiresAt" = EXCLUDED."ExpiresAt"
            WHERE "LeaderLeases"."Holder" = EXCLUDED."Holder" OR "LeaderLeases"."ExpiresAt" <= now()
            RETURNING "HeldSince" AS "Value"
            """).ToListAsync(ct);
        return held.Count == 0 ? null : held[0];
    }

    /// <summary>Gives the lease up at once if the node holds it, so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string node, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "LeaderLeases" SET "ExpiresAt" = now() WHERE "Name" = {LeaderLease.SingletonWork} AND "Holder" = {node}
            """, ct);
    }
}
