using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>How far this node's clock is from the database's.</summary>
public sealed class DatabaseClock(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <returns>The node's time minus the database's, read halfway through the round trip.</returns>
    public async Task<TimeSpan> OffsetAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var before = clock.GetUtcNow();
        var database = (await db.Database.SqlQuery<DateTimeOffset>($"""SELECT clock_timestamp() AS "Value" """).ToListAsync(ct))[0];
        var after = clock.GetUtcNow();
        return before + (after - before) / 2 - database;
    }
}
