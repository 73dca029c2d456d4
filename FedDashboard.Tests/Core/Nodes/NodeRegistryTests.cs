using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Tests.Shared;
using Npgsql;

namespace FedDashboard.Tests.Core.Nodes;

public sealed class NodeRegistryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Beat_NewNode_WritesItsRow()
    {
        await using var node = TestNode.Start(_database.AppConnectionString, "node-a");

        await node.BeatAsync();

        var overview = await node.Registry.OverviewAsync();
        var row = Assert.Single(overview.Nodes);
        Assert.Equal("node-a", row.Name);
        Assert.Equal(NodeRole.All, row.Role);
        Assert.Equal(["default", "training"], row.Queues);
        Assert.Equal(node.Identity.Version, row.Version);
        Assert.NotEqual(NodeState.Gone, overview.StateOf(row));
        Assert.True(overview.Leads(row));
        Assert.Null(row.LeadershipRefusal);
        Assert.True(await node.Registry.IsRegisteredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Beat_AgainLater_RenewsTheSameRow()
    {
        await using var node = TestNode.Start(_database.AppConnectionString, "node-a");
        await node.BeatAsync();
        await SetSilentAsync("node-a", TimeSpan.FromMinutes(5));

        await node.BeatAsync();

        var overview = await node.Registry.OverviewAsync();
        Assert.NotEqual(NodeState.Gone, overview.StateOf(Assert.Single(overview.Nodes)));
    }

    [Fact]
    public async Task Overview_NodeSilentPastGoneAfter_ShownGoneNotRemoved()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");
        await a.BeatAsync();
        await b.BeatAsync();
        await SetSilentAsync("node-a", TimeSpan.FromMinutes(5));

        await b.BeatAsync();

        var overview = await b.Registry.OverviewAsync();
        Assert.Equal(NodeState.Gone, overview.StateOf(overview.Nodes.Single(n => n.Name == "node-a")));
        Assert.NotEqual(NodeState.Gone, overview.StateOf(overview.Nodes.Single(n => n.Name == "node-b")));
        Assert.False(await a.Registry.IsRegisteredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Overview_NodeTwoBeatsLate_SilentNotGone()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");
        await a.BeatAsync();
        await b.BeatAsync();
        // The default heartbeat is 5 s and a node is gone after 30 s.
        await SetSilentAsync("node-a", TimeSpan.FromSeconds(15));

        var overview = await b.Registry.OverviewAsync();

        Assert.Equal(NodeState.Silent, overview.StateOf(overview.Nodes.Single(n => n.Name == "node-a")));
        Assert.Equal(NodeState.Alive, overview.StateOf(overview.Nodes.Single(n => n.Name == "node-b")));
    }

    [Fact]
    public async Task Beat_NodeSilentForMoreThanADay_Pruned()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");
        await a.BeatAsync();
        await SetSilentAsync("node-a", TimeSpan.FromHours(25));

        await b.BeatAsync();

        Assert.Equal(["node-b"], (await b.Registry.OverviewAsync()).Nodes.Select(n => n.Name));
    }

    private async Task SetSilentAsync(string node, TimeSpan silence)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""UPDATE "ClusterNodes" SET "LastHeartbeat" = now() - $1 WHERE "Name" = $2""", connection);
        command.Parameters.AddWithValue(silence);
        command.Parameters.AddWithValue(node);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
