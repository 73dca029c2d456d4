using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>The bulk heartbeat intake, fed by hand as a networked fleet would feed it.</summary>
public sealed class FleetIntakeTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Heartbeat Beat(int terminalId, double x, double y, int? edgeId, double load) =>
        new(terminalId, x, y, edgeId, load, Battery: 0.9, FreeMemoryMb: 1024, WantsWork: false, App: "camera", DataSamples: 500, TestData.Now.AddHours(-1),
            AgentVersion: "test", OnlineUntil: TestData.Now.AddSeconds(10));

    private async Task CommitAsync(params Heartbeat[] heartbeats)
    {
        await using var batch = await _host.Get<FleetIntake>().OpenAsync(TestData.Now.AddSeconds(-1), TestData.Now, CancellationToken.None);
        foreach (var heartbeat in heartbeats) batch.Report(heartbeat);
        await batch.CommitAsync(CancellationToken.None);
    }

    private async Task<Terminal> FirstTerminalAsync()
    {
        await using var db = _host.Db();
        return await db.Terminals.OrderBy(t => t.Id).FirstAsync(t => t.EdgeId != null);
    }

    [Fact]
    public async Task CommitAsync_HeartbeatOfATerminalNotEnrolled_PassedOverAndTheOthersWritten()
    {
        var terminal = await FirstTerminalAsync();

        await CommitAsync(Beat(-1, 0, 0, edgeId: null, load: 0.1), Beat(terminal.Id, terminal.PositionX, terminal.PositionY, terminal.EdgeId, load: 0.42));

        await using var db = _host.Db();
        Assert.Equal(0.42, (await db.Terminals.SingleAsync(t => t.Id == terminal.Id)).CpuLoad);
        Assert.False(await db.Terminals.AnyAsync(t => t.Id == -1));
    }

    [Fact]
    public async Task CommitAsync_TwoHeartbeatsOfATerminal_WritesTheLatestOfEach()
    {
        await using (var seeded = _host.Db())
        {
            var terminals = await seeded.Terminals.OrderBy(t => t.Id).Take(3).ToListAsync();
            await CommitAsync([.. terminals.SelectMany(t => new[]
            {
                Beat(t.Id, t.PositionX, t.PositionY, t.EdgeId, load: 0.1),
                Beat(t.Id, t.PositionX, t.PositionY, t.EdgeId, load: 0.2 + t.Id % 3 / 10.0),
            })]);
        }

        await using var db = _host.Db();
        var written = await db.Terminals.OrderBy(t => t.Id).Take(3).Select(t => new { t.Id, t.CpuLoad }).ToListAsync();
        Assert.All(written, t => Assert.Equal(0.2 + t.Id % 3 / 10.0, t.CpuLoad, 9));
    }

    [Fact]
    public async Task CommitAsync_TerminalAskingForWorkAgain_KeepsWhenItFirstAskedAndForgetsItOnceItStops()
    {
        var terminal = await FirstTerminalAsync();
        var asking = Beat(terminal.Id, terminal.PositionX, terminal.PositionY, terminal.EdgeId, load: 0.1) with { WantsWork = true };
        await CommitAsync(asking);
        await using (var batch = await _host.Get<FleetIntake>().OpenAsync(TestData.Now, TestData.Now.AddSeconds(5), CancellationToken.None))
        {
            batch.Report(asking);
            await batch.CommitAsync(CancellationToken.None);
        }
        DateTimeOffset? askedSince;
        await using (var db = _host.Db()) askedSince = (await db.Terminals.SingleAsync(t => t.Id == terminal.Id)).WorkRequestedAt;

        await CommitAsync(asking with { WantsWork = false });

        await using var check = _host.Db();
        Assert.Equal(TestData.Now, askedSince);
        Assert.Null((await check.Terminals.SingleAsync(t => t.Id == terminal.Id)).WorkRequestedAt);
    }

    [Fact]
    public async Task CommitAsync_HeartbeatLeavingCoverage_StoresTelemetryAndTheCoverageEvent()
    {
        var terminal = await FirstTerminalAsync();

        await CommitAsync(Beat(terminal.Id, terminal.PositionX, terminal.PositionY, edgeId: null, load: 0.42));

        await using var db = _host.Db();
        var coverageEvent = await db.CoverageEvents.SingleAsync();
        var moved = await db.Terminals.SingleAsync(t => t.Id == coverageEvent.TerminalId);
        Assert.Equal(((int?)null, 0.42, TestData.Now), (coverageEvent.ToEdgeId, moved.CpuLoad, moved.LastSeen));
    }
}
