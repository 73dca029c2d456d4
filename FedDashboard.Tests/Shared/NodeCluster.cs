using Npgsql;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// Three dashboard nodes on one database, the tests' Redis and one blob folder, as ./fed cluster 3 --edges runs them: node-1
/// starts first (migrations, the fleet and the demo job), then node-2 (a full node) and node-3 (edge-1's edge node).
/// </summary>
public sealed class NodeCluster : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _blobs = null!;

    /// <summary>node-3 is the edge node of this edge; node-1 and node-2 do everything.</summary>
    public const string EdgeOfNode3 = "edge-1";

    public IReadOnlyList<NodeProcess> Nodes { get; private set; } = [];

    /// <summary>The database with the owner's rights, for the tests' checks.</summary>
    public string ConnectionString => _database.ConnectionString;

    public string Output => string.Join("\n", Nodes.Select(n => n.Output));

    public NodeProcess Node(string name) => Nodes.Single(n => n.Name == name);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateWithRolesAsync();
        _blobs = Directory.CreateTempSubdirectory("fed-cluster-blobs").FullName;
        var environment = DashboardProcess.Environment(_database, _blobs);
        environment["ConnectionStrings__Redis"] = TestEnvironment.Redis;
        // Channels of its own: other tests' nodes share the Redis.
        environment["Fed__Live__ChannelPrefix"] = $"fedtest-{Guid.NewGuid():N}";
        var edgeNode = new Dictionary<string, string?>(environment) { ["Fed__Node__Role"] = "edge", ["Fed__Node__Edge"] = EdgeOfNode3 };
        Nodes = [new NodeProcess("node-1", environment), new NodeProcess("node-2", environment), new NodeProcess("node-3", edgeNode)];
        await Nodes[0].StartAsync();
        await Task.WhenAll(Nodes.Skip(1).Select(n => n.StartAsync()));
    }

    public Task KillAsync(NodeProcess node) => node.KillAsync();

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_blobs, recursive: true);
    }
}

