using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;

namespace FedDashboard.Tests.Model;

public sealed class CoverageMapModelTests
{
    private static CoverageMapModel Model() => new(new CoverageMapState(
        1000,
        [new EdgeCircle(1, "edge-1", 300, 300, 200)],
        [new MapTerminal(1, "terminal-1", 300, 300, 1, TerminalActivity.Idle), new MapTerminal(2, "terminal-2", 350, 300, 1, TerminalActivity.Training)]));

    private static FleetPositions Tick(params TerminalPosition[] positions) => new(positions, DateTimeOffset.UtcNow);

    [Fact]
    public void Apply_TwoTicksInOneBatch_KeepsTheNewest()
    {
        var model = Model();

        var changed = model.Apply([
            Tick(new TerminalPosition(1, 10, 10, null, TerminalActivity.OutOfCoverage)),
            Tick(new TerminalPosition(1, 20, 20, 1, TerminalActivity.Uploading))]);

        Assert.True(changed);
        Assert.Equal(new MapTerminal(1, "terminal-1", 20, 20, 1, TerminalActivity.Uploading), model.Terminal(1));
        Assert.Equal(1, model.Count(TerminalActivity.Uploading));
        Assert.Equal(0, model.Count(TerminalActivity.OutOfCoverage));
    }

    [Fact]
    public void Markers_AnAgent_ADiamondNamedAsAnAgentBesideTheSimulatedCircles()
    {
        var model = new CoverageMapModel(new CoverageMapState(1000, [new EdgeCircle(1, "edge-1", 300, 300, 200)],
            [new MapTerminal(1, "terminal-1", 300, 300, 1, TerminalActivity.Idle), new MapTerminal(2, "lab-laptop", 310, 300, 1, TerminalActivity.Idle, IsAgent: true)]));

        var idle = model.Markers().Single(m => m.Activity == TerminalActivity.Idle);

        Assert.Equal([CoverageMapModel.SimulatedSymbol, CoverageMapModel.AgentSymbol], idle.Symbols);
        Assert.StartsWith("lab-laptop (agent)<br>", idle.Hover[1]);
        Assert.Equal(1, model.Agents);
    }

    [Fact]
    public void Apply_NoPositionTick_ChangesNothing()
    {
        var model = Model();

        Assert.False(model.Apply([new FleetTick(2, 2, 2, 1, 0.5, 0.9, 0.8, DateTimeOffset.UtcNow)]));
        Assert.Null(model.LastTick);
    }

    [Fact]
    public void Apply_TerminalNotOnTheMap_IsSkipped()
    {
        var model = Model();

        model.Apply([Tick(new TerminalPosition(99, 1, 1, null, TerminalActivity.Idle))]);

        Assert.Equal(2, model.Total);
        Assert.Null(model.Terminal(99));
    }

    [Fact]
    public void Markers_AfterMove_OneTracePerActivityInFixedOrderWithHoverText()
    {
        var model = Model();
        model.Apply([Tick(new TerminalPosition(2, 900, 900, null, TerminalActivity.OutOfCoverage))]);

        var markers = model.Markers();

        Assert.Equal(CoverageMapModel.Activities, markers.Select(m => m.Activity));
        var left = markers.Single(m => m.Activity == TerminalActivity.OutOfCoverage);
        Assert.Equal([900.0], left.X);
        Assert.Equal("terminal-2<br>out of coverage<br>left coverage", Assert.Single(left.Hover));
        Assert.Empty(markers.Single(m => m.Activity == TerminalActivity.Training).X);
    }
}
