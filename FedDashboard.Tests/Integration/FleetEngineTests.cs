using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Fleet ticks driven by hand with explicit times, each followed by the edge writing the heartbeats it answered; the
/// edge's clock keeps the ticks' time. Terminals crawl so a test decides where they are.
/// </summary>
public sealed class FleetEngineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;

    // Devices heartbeat at the interval their edge answers: 5 s, not the settled fleet's day, so the ticks below report.
    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20,
        settings: new Dictionary<string, string?>(TestData.CrawlingFleet()) { ["Fed:Terminals:HeartbeatSeconds"] = "5" }, clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task TickAsync(DateTimeOffset at)
    {
        _clock.SetUtcNow(at);
        await _host.Get<FleetEngine>().TickAsync(at, CancellationToken.None);
        await _host.Get<TerminalLiveness>().FlushAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TickAsync_TerminalCrossedIntoAnotherEdge_StoresCoverageEventAndNewEdge()
    {
        var (terminalId, from, to) = await FleetPlacement.PlaceInOtherEdgeAsync(_host);

        await TickAsync(TestData.Now);

        await using var db = _host.Db();
        var coverageEvent = await db.CoverageEvents.SingleAsync(e => e.TerminalId == terminalId);
        Assert.Equal((terminalId, from.Id, to.Id, TestData.Now), (coverageEvent.TerminalId, coverageEvent.FromEdgeId, coverageEvent.ToEdgeId, coverageEvent.At));
        Assert.Equal(to.Id, (await db.Terminals.SingleAsync(t => t.Id == terminalId)).EdgeId);
    }

    [Fact]
    public async Task TickAsync_EverySecondForTwoHistoryIntervals_RecordsEachTerminalOncePerIntervalSpreadOverIt()
    {
        for (var second = 0; second <= 21; second++) await TickAsync(TestData.Now.AddSeconds(second));

        await using var db = _host.Db();
        var records = await db.TelemetryRecords.Select(r => new { r.TerminalId, r.At }).ToListAsync();
        var firstPass = records.Where(r => r.At <= TestData.Now.AddSeconds(10)).ToList();
        var secondPass = records.Where(r => r.At > TestData.Now.AddSeconds(10)).ToList();
        Assert.All(new[] { firstPass, secondPass }, pass => Assert.Equal(20, pass.DistinctBy(r => r.TerminalId).Count()));
        Assert.Equal(20, firstPass.Count);
        Assert.True(firstPass.Select(r => r.At).Distinct().Count() >= 5, "One pass over the fleet is spread over the interval's batches.");
    }

    [Fact]
    public async Task TickAsync_EverySecondWithin5sHeartbeats_EachDeviceReportsAtItsOwnPhaseNotEveryTick()
    {
        await TickAsync(TestData.Now);
        var reportedAt = new List<List<int>>();
        for (var second = 1; second <= 5; second++)
        {
            var at = TestData.Now.AddSeconds(second);
            await TickAsync(at);
            await using var db = _host.Db();
            reportedAt.Add(await db.Terminals.Where(t => t.LastSeen == at).Select(t => t.Id).ToListAsync());
        }

        // Spread over the interval: a few each second, none twice, and (but for a device dropping off the network) all of them.
        var reported = reportedAt.SelectMany(ids => ids).ToList();
        Assert.All(reportedAt, ids => Assert.InRange(ids.Count, 1, 10));
        Assert.Equal(reported.Count, reported.Distinct().Count());
        Assert.InRange(reported.Count, 15, 20);
    }

    [Fact]
    public async Task TickAsync_RecordOlderThanHistoryHours_Deleted()
    {
        await using (var seed = _host.Db())
        {
            var terminal = await seed.Terminals.OrderBy(t => t.Id).FirstAsync();
            seed.TelemetryRecords.AddRange(TelemetryRecord.Of(terminal, TestData.Now.AddHours(-25)), TelemetryRecord.Of(terminal, TestData.Now.AddHours(-23)));
            await seed.SaveChangesAsync();
        }

        await TickAsync(TestData.Now.AddSeconds(10));

        await using var db = _host.Db();
        Assert.False(await db.TelemetryRecords.AnyAsync(r => r.At < TestData.Now.AddHours(-24)));
        Assert.True(await db.TelemetryRecords.AnyAsync(r => r.At == TestData.Now.AddHours(-23)));
    }

    [Fact]
    public async Task TickAsync_MoreRecordsPastHistoryHoursThanOneBatchDeletes_OldestGoFirstAndTheRestAtTheNextTick()
    {
        await using (var seed = _host.Db())
        {
            var terminal = await seed.Terminals.OrderBy(t => t.Id).FirstAsync();
            await seed.Database.ExecuteSqlAsync($"""
                INSERT INTO "TelemetryRecords" ("TerminalId", "At", "EdgeId", "Online", "CpuLoad", "Battery", "FreeMemoryMb", "TrainingSamplesPerSecond")
                SELECT {terminal.Id}, {TestData.Now.AddHours(-30)} + s * interval '1 second', NULL, true, 0.5, 0.5, 1000, 100
                FROM generate_series(1, {TelemetryHistory.MostPrunedPerBatch + 10}) AS s
                """);
        }

        await TickAsync(TestData.Now.AddSeconds(1));

        await using (var db = _host.Db())
        {
            var left = await db.TelemetryRecords.Where(r => r.At < TestData.Now.AddHours(-24)).Select(r => r.At).ToListAsync();
            Assert.Equal(10, left.Count);
            Assert.Equal(TestData.Now.AddHours(-30).AddSeconds(TelemetryHistory.MostPrunedPerBatch + 1), left.Min());
        }
        await TickAsync(TestData.Now.AddSeconds(2));
        await using (var db = _host.Db())
            Assert.False(await db.TelemetryRecords.AnyAsync(r => r.At < TestData.Now.AddHours(-24)));
    }

    [Fact]
    public async Task TickAsync_TerminalOutsideEveryCoverage_PublishesEveryPositionWithItOutOfCoverage()
    {
        var terminalId = await FleetPlacement.PlaceOutsideCoverageAsync(_host);
        var published = new TaskCompletionSource<FleetMap>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _host.Get<LiveFeed>().Subscribe(batch =>
        {
            foreach (var positions in batch.OfType<FleetMap>()) published.TrySetResult(positions);
            return Task.CompletedTask;
        });

        // The fleet was published when it was seeded, at the start: the next publication is due a second later.
        await TickAsync(TestData.Now + FleetIntake.PublishEvery);
        _clock.Advance(LiveFeed.DefaultBatchInterval);

        var fleet = await published.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(20, fleet.Positions.Count);
        var outside = Assert.Single(fleet.Positions, t => t.TerminalId == terminalId);
        Assert.Equal((null, TerminalActivity.OutOfCoverage), (outside.EdgeId, outside.Activity));
    }
}
