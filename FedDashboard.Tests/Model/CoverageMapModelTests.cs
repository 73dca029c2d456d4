using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;

namespace FedDashboard.Tests.Model;

public sealed class CoverageMapModelTests
{
    private static CoverageMapModel Model() => new(new CoverageMapState(
        1000,
        [new EdgeCircle(1, "edge-1", 300, 300, 200)],
        [new MapTerminal(1, "terminal-1", 300, 300, 1, TerminalActivity.Idle), new MapTerminal(2, "terminal-2", 350, 300, 1, TerminalActivity.Training)]));

    private static FleetMap Tick(params TerminalPosition[] positions) => FleetMap.Of(positions, new DensityGrid(1000), DateTimeOffset.UtcNow);

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

        Assert.Null(model.Terminal(99));
        Assert.DoesNotContain(99, model.Markers().SelectMany(m => m.Ids));
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

public sealed class CoverageMapDensityTests
{
    private static readonly EdgeCircle West = new(1, "edge-1", 250, 500, 200);
    private static readonly EdgeCircle East = new(2, "edge-2", 750, 500, 200);

    /// <summary>Half the fleet in each edge's coverage, on a diagonal line across the map.</summary>
    private static CoverageMapModel Fleet(int terminals) => new(new CoverageMapState(1000, [West, East],
        [.. Enumerable.Range(1, terminals).Select(id => new MapTerminal(id, $"terminal-{id}", 1000.0 * id / (terminals + 1), 1000.0 * id / (terminals + 1),
            id % 2 == 0 ? West.Id : East.Id, TerminalActivity.Idle))]));

    private static int Drawn(CoverageMapModel model) => model.Markers().Sum(m => m.Ids.Count);

    [Fact]
    public void ShowsDensity_UpToTheThreshold_DrawsEveryTerminal()
    {
        var model = Fleet(CoverageMapModel.DensityAbove);

        Assert.False(model.ShowsDensity);
        Assert.Equal(CoverageMapModel.DensityAbove, Drawn(model));
    }

    [Fact]
    public void ShowsDensity_BeyondTheThreshold_DrawsNoTerminalUntilSomethingIsSelected()
    {
        var model = Fleet(CoverageMapModel.DensityAbove + 1);

        Assert.True(model.ShowsDensity);
        Assert.Equal(0, Drawn(model));
        Assert.Null(model.Detail());
        Assert.False(model.NeedsDetail);
        Assert.Equal(CoverageMapModel.DensityAbove + 1, model.Density().Sum(row => row.Sum(n => n ?? 0)));
    }

    [Fact]
    public void ShowDetail_AnEdgeOfABigFleetSelected_DrawsTheTerminalsThePageReadAndSaysHowManyItHolds()
    {
        var model = Fleet(5_000);
        model.Select(new SelectedEdge(West.Id));
        MapTerminal[] read = [new(2, "terminal-2", 10, 10, West.Id, TerminalActivity.Idle), new(4, "terminal-4", 20, 20, West.Id, TerminalActivity.Training)];

        model.ShowDetail(read, 2_500);

        Assert.Equal([2, 4], model.Markers().SelectMany(m => m.Ids).Order());
        Assert.Equal(new MapDetail("terminals in edge-1", 2, 2_500), model.Detail());
    }

    [Fact]
    public void Apply_MapTickOfABigFleet_CountsAndDensityComeFromTheTickWithoutPositions()
    {
        var model = Fleet(5_000);
        var grid = new DensityGrid(1000);
        var tick = FleetMap.Of([.. Enumerable.Range(1, 6_000).Select(id => new TerminalPosition(id, 510, 510, East.Id, id % 3 == 0 ? TerminalActivity.Training : TerminalActivity.Idle))],
            grid, DateTimeOffset.UtcNow);

        Assert.True(model.Apply([tick]));

        Assert.Empty(tick.Positions);
        Assert.Equal((6_000, 2_000, 4_000), (model.Total, model.Count(TerminalActivity.Training), model.Count(TerminalActivity.Idle)));
        var cell = grid.CellOf(510, 510);
        Assert.Equal(6_000, model.Density()[cell.Row][cell.Column]);
        Assert.Equal(6_000, model.Density().Sum(row => row.Sum(n => n ?? 0)));
    }

    [Fact]
    public void Select_AnUnknownEdge_IsRefusedAndKeepsTheSelection()
    {
        var model = Fleet(5_000);
        model.Select(new SelectedEdge(West.Id));

        var refused = Assert.Throws<ArgumentException>(() => model.Select(new SelectedEdge(99)));

        Assert.Contains("no edge #99", refused.Message);
        Assert.Equal(new SelectedEdge(West.Id), model.Selection);
    }
}
