using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace FedDashboard.Tests.Components;

public sealed class CoverageMapTests : DashboardComponentTest
{
    private static string Count(IRenderedComponent<CoverageMap> cut, TerminalActivity activity) =>
        cut.Find($"[data-count='{activity}']").TextContent.Trim();

    private async Task<List<Terminal>> TerminalsAsync()
    {
        await using var db = Host.Db();
        return await db.Terminals.OrderBy(t => t.Id).ToListAsync();
    }

    private static FleetPositions Positions(IEnumerable<Terminal> terminals, Func<Terminal, TerminalPosition>? change = null) =>
        new([.. terminals.Select(t => change?.Invoke(t) ?? new TerminalPosition(t.Id, t.PositionX, t.PositionY, t.EdgeId, TerminalActivity.Idle))], DateTimeOffset.UtcNow);

    [Fact]
    public void Render_SeededFleet_ShowsEdgesAndIdleTerminalsFromDatabase()
    {
        var cut = Render<CoverageMap>();

        cut.WaitForAssertion(() => Assert.Equal("20", Count(cut, TerminalActivity.Idle)));
        Assert.Equal(5, cut.FindAll("[data-edge]").Count);
        Assert.Contains("edge-1", cut.Find("[data-edge='edge-1']").TextContent);
        Assert.Equal("0", Count(cut, TerminalActivity.Training));
        Assert.NotNull(cut.Find("#coverage-map"));
    }

    [Fact]
    public async Task Render_FleetPositionsOnFeed_MovesTerminalAndChangesItsColour()
    {
        var terminals = await TerminalsAsync();
        var moved = terminals[0];
        var cut = Render<CoverageMap>();
        cut.WaitForAssertion(() => Assert.Equal("20", Count(cut, TerminalActivity.Idle)));

        Feed.Deliver(Positions(terminals, t => t.Id == moved.Id
            ? new TerminalPosition(t.Id, 12.5, 987.5, null, TerminalActivity.OutOfCoverage)
            : new TerminalPosition(t.Id, t.PositionX, t.PositionY, t.EdgeId, TerminalActivity.Idle)));

        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut, TerminalActivity.OutOfCoverage)));
        Assert.Equal("19", Count(cut, TerminalActivity.Idle));
        var update = JSInterop.Invocations.Last(i => i.Identifier == "update");
        // Plotly.Blazor hands the update to plotly.js as a JSON-ready object: one array per activity trace.
        var data = JsonSerializer.SerializeToElement(update.Arguments[1], update.Arguments[1]!.GetType());
        var trace = CoverageMapModel.Activities.ToList().IndexOf(TerminalActivity.OutOfCoverage);
        Assert.Equal([12.5], data.GetProperty("x")[trace].Deserialize<double[]>()!);
        Assert.Equal([987.5], data.GetProperty("y")[trace].Deserialize<double[]>()!);
    }

    [Fact]
    public async Task Dispose_RenderedCoverageMap_EndsItsFeedSubscription()
    {
        var before = Feed.SubscriberCount;
        var cut = Render<CoverageMap>();
        cut.WaitForAssertion(() => Assert.Equal(before + 1, Feed.SubscriberCount));

        await DisposeComponentsAsync();

        Assert.Equal(before, Feed.SubscriberCount);
    }
}
