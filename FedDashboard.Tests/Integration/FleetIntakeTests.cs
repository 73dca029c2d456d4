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

    [Fact]
    public async Task Report_TerminalNotEnrolled_RefusedNamingIt()
    {
        await using var batch = await _host.Get<FleetIntake>().OpenAsync([-1], TestData.Now.AddSeconds(-1), TestData.Now, CancellationToken.None);

        var refused = Assert.Throws<ArgumentException>(() => batch.Report(Beat(-1, 0, 0, edgeId: null, load: 0.1)));

        Assert.StartsWith("Terminal -1 is not enrolled.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_HeartbeatLeavingCoverage_StoresTelemetryAndTheCoverageEvent()
    {
        var intake = _host.Get<FleetIntake>();
        Terminal terminal;
        await using (var seeded = _host.Db()) terminal = await seeded.Terminals.OrderBy(t => t.Id).FirstAsync(t => t.EdgeId != null);
        await using (var batch = await intake.OpenAsync([terminal.Id], TestData.Now.AddSeconds(-1), TestData.Now, CancellationToken.None))
        {
            batch.Report(Beat(terminal.Id, terminal.PositionX, terminal.PositionY, edgeId: null, load: 0.42));
            await batch.CommitAsync(CancellationToken.None);
        }

        await using var db = _host.Db();
        var coverageEvent = await db.CoverageEvents.SingleAsync();
        var moved = await db.Terminals.SingleAsync(t => t.Id == coverageEvent.TerminalId);
        Assert.Equal(((int?)null, 0.42, TestData.Now), (coverageEvent.ToEdgeId, moved.CpuLoad, moved.LastSeen));
    }
}
