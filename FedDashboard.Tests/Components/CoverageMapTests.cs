using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
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

    private static FleetMap Positions(IEnumerable<Terminal> terminals, Func<Terminal, TerminalPosition>? change = null) =>
        FleetMap.Of([.. terminals.Select(t => change?.Invoke(t) ?? new TerminalPosition(t.Id, t.PositionX, t.PositionY, t.EdgeId, TerminalActivity.Idle))], new DensityGrid(1000), DateTimeOffset.UtcNow);

    [Fact]
    public void Render_SeededFleet_ShowsEdgesAndIdleTerminalsFromDatabase()
    {
        var cut = Render<CoverageMap>();

        cut.WaitForAssertion(() => Assert.Equal("20", Count(cut, TerminalActivity.Idle)));
        Assert.Equal(5, cut.FindAll("[data-edge]").Count);
        Assert.Contains("edge-1", cut.Find("[data-edge='edge-1']").TextContent);
        Assert.Equal("0", Count(cut, TerminalActivity.Training));
        Assert.NotNull(cut.Find("#coverage-map"));
        Assert.Empty(cut.FindAll("[data-testid='density']"));
        Assert.All(cut.FindComponent<PlotlyChart>().Instance.Data, trace => Assert.IsType<Scatter>(trace));
    }

    [Fact]
    public void Prerender_SeededFleet_CarriesTheFigureForTheBrowserToDrawBeforeTheCircuit()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<CoverageMap>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#coverage-map[data-figure]")));
        Assert.Empty(cut.FindComponents<PlotlyChart>());
        using var figure = JsonDocument.Parse(cut.Find("#coverage-map").GetAttribute("data-figure")!);
        var traces = figure.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(CoverageMapModel.Activities.Count, traces.Count);
        Assert.All(traces, trace => Assert.Equal("scatter", trace.GetProperty("type").GetString()));
        Assert.Equal(20, traces.Sum(trace => trace.GetProperty("x").GetArrayLength()));
        Assert.Equal(5, figure.RootElement.GetProperty("layout").GetProperty("shapes").GetArrayLength());
    }

    [Fact]
    public async Task Render_FleetMapOnFeed_MovesTerminalAndChangesItsColour()
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
    public void Render_BigFleetsMapPublishedMomentsAgo_OpensFromItWithoutCountingTheFleet()
    {
        var big = CoverageMapModel.DensityAbove + 500;
        Feed.Deliver(FleetMap.Of([.. Enumerable.Range(1, big).Select(id => new TerminalPosition(id, 10, 10, null, TerminalActivity.OutOfCoverage))],
            new DensityGrid(1000), DateTimeOffset.UtcNow));

        var cut = Render<CoverageMap>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='density']")));
        Assert.Equal(big.ToString(), Count(cut, TerminalActivity.OutOfCoverage));
        Assert.Equal(5, cut.FindAll("[data-edge]").Count);
        var density = Assert.IsType<HeatMap>(cut.FindComponent<PlotlyChart>().Instance.Data[0]);
        Assert.Equal(big, density.Z.Cast<int?[]>().Sum(row => row.Sum(n => n ?? 0)));
    }

    [Fact]
    public void Render_BigFleetsMapPublishedTooLongAgo_ReadsTheDatabase()
    {
        Feed.Deliver(FleetMap.Of([.. Enumerable.Range(1, CoverageMapModel.DensityAbove + 500).Select(id => new TerminalPosition(id, 10, 10, null, TerminalActivity.OutOfCoverage))],
            new DensityGrid(1000), DateTimeOffset.UtcNow - CoverageMapQueries.PublishedMapFreshFor - TimeSpan.FromSeconds(1)));

        var cut = Render<CoverageMap>();

        cut.WaitForAssertion(() => Assert.Equal("20", Count(cut, TerminalActivity.Idle)));
        Assert.Empty(cut.FindAll("[data-testid='density']"));
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

/// <summary>The coverage map of a fleet just past the density threshold.</summary>
public sealed class CoverageMapDensityPageTests : DashboardComponentTest
{
    protected override int Terminals => CoverageMapModel.DensityAbove + 1;

    [Fact]
    public void Render_FleetBeyondTheThreshold_DrawsDensityFirstAndNoTerminal()
    {
        var cut = Render<CoverageMap>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='density']")));
        var data = cut.FindComponent<PlotlyChart>().Instance.Data;
        var density = Assert.IsType<HeatMap>(data[0]);
        Assert.Equal(Terminals, density.Z.Cast<int?[]>().Sum(row => row.Sum(n => n ?? 0)));
        Assert.All(data.Skip(1), trace => Assert.Empty(Assert.IsType<Scatter>(trace).X));
    }

    [Fact]
    public void Render_EdgeClicked_DrawsItsTerminalsAndSaysHowMany()
    {
        var cut = Render<CoverageMap>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='density']")));

        cut.Find("[data-edge='edge-1'] a").Click();

        // The detail is read from the database after the click: "Drawn: 0 of …" until it arrives.
        var drawn = 0;
        cut.WaitForAssertion(() =>
        {
            var detail = cut.Find("[data-testid='detail']").TextContent;
            Assert.Contains("terminals in edge-1", detail);
            drawn = int.Parse(detail.Split("Drawn:")[1].Trim().Split(' ')[0], System.Globalization.NumberStyles.AllowThousands);
            Assert.InRange(drawn, 1, CoverageMapModel.DetailLimit);
        });
        var update = JSInterop.Invocations.Last(i => i.Identifier == "update");
        var markers = JsonSerializer.SerializeToElement(update.Arguments[1], update.Arguments[1]!.GetType());
        Assert.Equal(drawn, markers.GetProperty("x").EnumerateArray().Sum(trace => trace.GetArrayLength()));
    }
}
