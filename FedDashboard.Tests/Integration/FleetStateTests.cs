using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>A fleet too big for positions is counted by PostgreSQL exactly as the positions would count it.</summary>
public sealed class FleetStateTests : IAsyncLifetime
{
    private const int Terminals = FleetMap.PositionsUpTo + 500;
    private FedTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        await using var db = _host.Db();
        // Some beyond the map's border, some offline, some out of coverage: every branch of the cell and the activity.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Terminals" ("Name", "DataOrdinal", "Type", "Tier", "PositionX", "PositionY", "EdgeId", "CpuLoad", "Battery", "FreeMemoryMb",
                "Online", "TrainingSamplesPerSecond", "LastSeen", "App", "DataSamples", "DataUpdatedAt", "DataAnonymized")
            SELECT 'counted-' || n, 1000 + n, 'Phone', 'Mid', (n * 37) % 1100 - 50, (n * 53) % 1100 - 50,
                CASE WHEN n % 7 = 0 THEN NULL ELSE e.ids[1 + n % array_length(e.ids, 1)] END,
                (n % 10) / 10.0, 0.5, 1000, n % 5 <> 0, 100, now(), 'camera', 100, now(), true
            FROM generate_series(1, {Terminals - 20}) AS n, (SELECT array_agg("Id") AS ids FROM "EdgeServers") AS e
            """);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MapAsync_FleetBeyondPositions_CountsAsThePositionsWouldAndCarriesNone()
    {
        await using var db = _host.Db();
        var terminals = await db.Terminals.OrderBy(t => t.Id).ToListAsync();
        var participation = new Dictionary<int, ParticipantStatus> { [terminals[1].Id] = ParticipantStatus.Training, [terminals[2].Id] = ParticipantStatus.Reported };
        var grid = new DensityGrid(1000);
        var expected = FleetMap.Of([.. terminals.Select(t => new TerminalPosition(t.Id, t.PositionX, t.PositionY, t.EdgeId,
            FleetActivity.Of(t.Online, t.EdgeId is not null, participation.TryGetValue(t.Id, out var s) ? s : null)))], grid, TestData.Now);

        var counted = await FleetState.MapAsync(db, participation, grid, TestData.Now, default);

        Assert.Equal(Terminals, counted.Terminals);
        Assert.Empty(counted.Positions);
        Assert.Equal(expected.Cells, counted.Cells);
        Assert.Equal(expected.Edges.OrderBy(e => (e.EdgeId, e.Activity)), counted.Edges.OrderBy(e => (e.EdgeId, e.Activity)));
    }

    [Fact]
    public async Task TickAsync_Fleet_CountsOnlineCoverageAndLoadOverEveryTerminal()
    {
        await using var db = _host.Db();
        var terminals = await db.Terminals.ToListAsync();
        var online = terminals.Where(t => t.Online).ToList();

        var tick = await FleetState.TickAsync(db, training: 3, TestData.Now, default);

        Assert.Equal((Terminals, online.Count, online.Count(t => t.EdgeId is not null), 3), (tick.Terminals, tick.Online, tick.InCoverage, tick.Training));
        Assert.Equal(online.Average(t => t.CpuLoad), tick.MeanCpuLoad, 9);
        Assert.Equal(online.Max(t => t.CpuLoad), tick.MaxCpuLoad, 9);
        Assert.Equal(terminals.Average(t => t.Battery), tick.MeanBattery, 9);
    }
}
