using Npgsql;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// Dashboard nodes on one database, the tests' Redis and one blob folder, as ./fed cluster N --edges 1 runs them: node-1
/// starts first (migrations, the fleet and the demo job), then the other full nodes and the last, edge-1's edge node.
/// Each node advertises its own address to terminals, as ./fed cluster's do.
/// </summary>
/// <param name="fullNodes">Nodes that do everything, before the edge node.</param>
/// <param name="settings">Environment settings of every node, over the defaults.</param>
public sealed class NodeCluster(int fullNodes = 2, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _blobs = null!;

    /// <summary>The last node is the edge node of this edge; the others do everything.</summary>
    public const string EdgeOfEdgeNode = "edge-1";

    public IReadOnlyList<NodeProcess> Nodes { get; private set; } = [];

    /// <summary>The database with the owner's rights, for the tests' checks.</summary>
    public string ConnectionString => _database.ConnectionString;

    public string Output => string.Join("\n", Nodes.Select(n => n.Output));

    public NodeProcess Node(string name) => Nodes.Single(n => n.Name == name);

    public NodeProcess EdgeNode => Nodes[^1];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateWithRolesAsync();
        _blobs = Directory.CreateTempSubdirectory("fed-cluster-blobs").FullName;
        var environment = DashboardProcess.Environment(_database, _blobs);
        environment["ConnectionStrings__Redis"] = TestEnvironment.Redis;
        // Channels of its own: other tests' nodes share the Redis.
        environment["Fed__Live__ChannelPrefix"] = $"fedtest-{Guid.NewGuid():N}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        var edgeNode = new Dictionary<string, string?>(environment) { ["Fed__Node__Role"] = "edge", ["Fed__Node__Edge"] = EdgeOfEdgeNode };
        Nodes = [.. Enumerable.Range(1, fullNodes).Select(i => new NodeProcess($"node-{i}", environment)), new NodeProcess($"node-{fullNodes + 1}", edgeNode)];
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

