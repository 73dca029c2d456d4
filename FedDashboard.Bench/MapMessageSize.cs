using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace FedDashboard.Bench;

/// <summary>
/// What one map tick weighs on the wire between nodes (Redis carries each live event as its JSON), for the fleet as the
/// database holds it, beside what every terminal's position would weigh (the map tick before it stopped carrying them).
/// </summary>
internal sealed record MapMessageSize(int Terminals, long MapTickBytes, long AllPositionsBytes)
{
    public static async Task<MapMessageSize> MeasureAsync(FedDbContext db, double mapSize)
    {
        var terminals = await db.Terminals.AsNoTracking()
            .Select(t => new TerminalPosition(t.Id, t.PositionX, t.PositionY, t.EdgeId, t.Online ? TerminalActivity.Idle : TerminalActivity.Offline))
            .ToListAsync();
        var map = FleetMap.Of(terminals, new DensityGrid(mapSize), DateTimeOffset.UtcNow);
        return new MapMessageSize(terminals.Count, JsonSerializer.SerializeToUtf8Bytes(map).LongLength, JsonSerializer.SerializeToUtf8Bytes(terminals).LongLength);
    }
}
