using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Tests.Core.Simulation;

public sealed class FleetLayoutTests
{
    [Fact]
    public void Terminals_DefaultOptions_AllOnTheMapAndInTheirEdgesCoverage()
    {
        var options = new FleetOptions();
        var edges = FleetLayout.Edges(options);

        var placed = FleetLayout.Terminals(options, edges);

        Assert.Equal(options.Terminals, placed.Count);
        Assert.All(placed, p =>
        {
            Assert.InRange(p.Terminal.PositionX, 0, options.MapSize);
            Assert.InRange(p.Terminal.PositionY, 0, options.MapSize);
            Assert.True(p.Edge.Covers(p.Terminal.PositionX, p.Terminal.PositionY));
        });
    }
}
