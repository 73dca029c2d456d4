using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FedDashboard.Tests.Components;

/// <summary>
/// The Nodes page over nodes beating by hand on the test's database, read by a viewer. The nodes hold no connection
/// between beats; the database goes with the test.
/// </summary>
public sealed class NodesPageTests : DashboardComponentTest
{
    private TestNode _leader = null!;
    private TestNode _follower = null!;
    private TestNode _skewed = null!;
    private TestNode _edge = null!;

    protected override async Task ArrangeAsync()
    {
        _leader = TestNode.Start(Host.AppConnectionString, "node-a");
        _follower = TestNode.Start(Host.AppConnectionString, "node-b");
        _skewed = TestNode.Start(Host.AppConnectionString, "node-c", clock: new ShiftedClock(TimeSpan.FromMinutes(1)));
        await _leader.BeatAsync();
        await _follower.BeatAsync();
        await _skewed.BeatAsync();
        _edge = TestNode.Start(Host.AppConnectionString, "node-e", edgeQueue: "edge-3");
        await _edge.BeatAsync();
        Services.AddSingleton(_leader.Registry);
    }

    private IRenderedComponent<Nodes> RenderPage()
    {
        var cut = Render<Nodes>();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid='node-name']").Count));
        return cut;
    }

    private static string Cell(IRenderedComponent<Nodes> cut, string node, string column) =>
        cut.FindAll("tr").Single(r => r.QuerySelector("[data-testid='node-name']")?.TextContent == node).QuerySelector($"[data-testid='{column}']")!.TextContent;

    [Fact]
    public void Render_ThreeNodes_ShowsWhoLeadsAndSince()
    {
        var cut = RenderPage();

        Assert.Contains("node-a leads since", cut.Find("[data-testid='leader']").TextContent);
        Assert.StartsWith("since ", Cell(cut, "node-a", "node-leads").Trim());
        Assert.Equal("–", Cell(cut, "node-b", "node-leads").Trim());
        Assert.Equal("alive", Cell(cut, "node-b", "node-state").Trim());
    }

    [Fact]
    public void Render_EdgeNode_ShowsItsRoleAndOnlyItsEdgesQueueAndThatItDoesNotLead()
    {
        var cut = RenderPage();

        Assert.Equal(("edge", "edge-3"), (Cell(cut, "node-e", "node-role").Trim(), Cell(cut, "node-e", "node-queues").Trim()));
        Assert.Equal(("all", "default, training"), (Cell(cut, "node-b", "node-role").Trim(), Cell(cut, "node-b", "node-queues").Trim()));
        Assert.Equal("–", Cell(cut, "node-e", "node-leads").Trim());
    }

    [Fact]
    public void Render_NodeWithSkewedClock_ShowsOffsetAndWhyItRefuses()
    {
        var cut = RenderPage();

        var clock = Cell(cut, "node-c", "node-clock");
        Assert.Contains("ms", clock);
        Assert.Contains("refuses leadership", clock);
        Assert.DoesNotContain("refuses", Cell(cut, "node-a", "node-clock"));
    }

    [Fact]
    public async Task Refresh_NodeTwoBeatsLate_ShownSilent()
    {
        var cut = RenderPage();

        await SetLastHeartbeatAsync("node-b", "15 seconds");

        cut.WaitForAssertion(() => Assert.Equal("silent", Cell(cut, "node-b", "node-state").Trim()));
    }

    [Fact]
    public async Task Refresh_NodeSilentPastGoneAfter_ShownGone()
    {
        var cut = RenderPage();

        await SetLastHeartbeatAsync("node-b", "5 minutes");

        cut.WaitForAssertion(() => Assert.Equal("gone", Cell(cut, "node-b", "node-state").Trim()));
        Assert.Contains("min ago", cut.FindAll("tr").Single(r => r.TextContent.Contains("node-b")).TextContent);
    }

    private async Task SetLastHeartbeatAsync(string node, string ago)
    {
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""UPDATE "ClusterNodes" SET "LastHeartbeat" = now() - $1::interval WHERE "Name" = $2""", connection);
        command.Parameters.AddWithValue(ago);
        command.Parameters.AddWithValue(node);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
