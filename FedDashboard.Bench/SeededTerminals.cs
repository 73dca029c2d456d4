using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Bench;

/// <summary>
/// Terminals beyond the fleet the host seeded, written straight into the table (not measured): spread over the edges,
/// one in ten out of coverage, one in eight offline, load and battery spread uniformly; the simulated fleet's unless
/// <paramref name="origin"/> says they are agents'.
/// </summary>
internal static class SeededTerminals
{
    public static async Task FillToAsync(FedDbContext db, int terminals, TerminalOrigin origin = TerminalOrigin.Simulated)
    {
        var seeded = await db.Terminals.CountAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Terminals" ("Name", "DataOrdinal", "Type", "Tier", "PositionX", "PositionY", "EdgeId", "CpuLoad", "Battery", "FreeMemoryMb",
                "Online", "TrainingSamplesPerSecond", "LastSeen", "App", "DataSamples", "DataUpdatedAt", "DataAnonymized", "Origin")
            SELECT 'terminal-' || lpad(n::text, 6, '0'), n - 1,
                (ARRAY['Phone', 'Tablet', 'IoT'])[1 + n % 3], (ARRAY['Low', 'Mid', 'High'])[1 + n % 7 % 3],
                random() * 1000, random() * 1000,
                CASE WHEN n % 10 = 0 THEN NULL ELSE e.ids[1 + n % array_length(e.ids, 1)] END,
                random(), random(), 500 + n % 3500, n % 8 <> 0, 50 + random() * 500, now() - (n % 60) * interval '1 second',
                (ARRAY['keyboard', 'camera', 'health', 'maps'])[1 + n % 4], 100 + n % 900, now() - (n % 1440) * interval '1 minute', n % 2 = 0, {origin.ToString()}
            FROM generate_series({seeded + 1}, {terminals}) AS n, (SELECT array_agg("Id" ORDER BY "Id") AS ids FROM "EdgeServers") AS e
            """);
    }
}
