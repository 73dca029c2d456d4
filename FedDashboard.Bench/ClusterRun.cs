using FedDashboard.Core.Domain.Refusals;
using System.Globalization;
using Npgsql;

namespace FedDashboard.Bench;

/// <summary>
/// The demo job (2NN, IID) for a fixed number of rounds on N nodes of one fresh database, one Redis and one blob folder:
/// rounds per minute, the live feed's delay to a hub client on the last node, and the database connections per node.
/// </summary>
internal static class ClusterRun
{
    public sealed record Figures(int Nodes, int Rounds, bool AllRounds, double Minutes, double RoundsPerMinute, int LatencySamples, double? LatencyP50Ms,
        double? LatencyP95Ms, int PeakConnections, IReadOnlyDictionary<string, int> PeakConnectionsPerNode);

    public static async Task<Figures> RunAsync(int nodes, int rounds, int terminals, TimeSpan limit)
    {
        await using var database = await BenchDatabase.CreateAsync($"cluster{nodes}");
        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis")
            ?? throw new StartupException("ConnectionStrings__Redis is not set; run this benchmark with ./fed bench cluster, which starts a private Redis.");
        var blobs = Directory.CreateTempSubdirectory("fed-bench-cluster-blobs");
        var password = Guid.NewGuid().ToString("N");
        var started = new List<BenchNode>();
        try
        {
            started.Add(await BenchNode.StartAsync("node-1", Settings(database, redis, blobs.FullName, password, "node-1", rounds, terminals)));
            started.AddRange(await Task.WhenAll(Enumerable.Range(2, nodes - 1)
                .Select(i => BenchNode.StartAsync($"node-{i}", Settings(database, redis, blobs.FullName, password, $"node-{i}", rounds, terminals)))));
            await using var connections = new ConnectionSampler(AdminConnection(database), database.Name);
            await using var probe = await HubLatencyProbe.ConnectAsync(started[^1].Address, "admin", password);
            var (done, minutes) = await WaitForRoundsAsync(database, rounds, limit);
            var latencies = probe.Milliseconds.Order().ToList();
            return new Figures(nodes, done, done >= rounds, minutes, done / minutes, latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.95),
                connections.PeakTotal, connections.PeakPerNode);
        }
        finally
        {
            foreach (var node in started) await node.DisposeAsync();
            blobs.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(BenchDatabase database, string redis, string blobs, string password, string node, int rounds, int terminals) => new()
    {
        // The application name tells pg_stat_activity which node holds a connection.
        ["ConnectionStrings:Fed"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = node }.ConnectionString,
        ["ConnectionStrings:Redis"] = redis,
        ["Fed:Live:ChannelPrefix"] = $"fedbench-{database.Name}",
        ["Fed:Data:MnistPath"] = Environment.GetEnvironmentVariable("Fed__Data__MnistPath") ?? Path.Combine(Environment.CurrentDirectory, ".data", "mnist"),
        ["Fed:Data:BlobPath"] = blobs,
        ["Fed:Fleet:Terminals"] = terminals.ToString(CultureInfo.InvariantCulture),
        ["Fed:Fleet:LowTierSamplesPerSecond"] = "0",
        ["Fed:Fleet:MidTierSamplesPerSecond"] = "0",
        ["Fed:Fleet:HighTierSamplesPerSecond"] = "0",
        ["Fed:Fleet:SwapAboveLoad"] = "1",
        ["Fed:Orchestration:SecondsBetweenRounds"] = "0",
        ["Fed:DefaultJob:Policy:Termination:MaxRounds"] = rounds.ToString(CultureInfo.InvariantCulture),
        ["Fed:Security:AdminUserName"] = "admin",
        ["Fed:Security:AdminPassword"] = password,
    };

    private static string AdminConnection(BenchDatabase database) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", ApplicationName = "bench" }.ConnectionString;

    /// <summary>Completed rounds and the minutes from the first round's start to the last one's end.</summary>
    private static async Task<(int Rounds, double Minutes)> WaitForRoundsAsync(BenchDatabase database, int rounds, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*)::int, extract(epoch FROM max("EndedAt") - min("StartedAt"))::float8
                FROM "Rounds" WHERE "Phase" = 'Completed'
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var done = reader.GetInt32(0);
            if (done >= rounds || DateTime.UtcNow > until)
            {
                if (done == 0) throw new TimeoutException($"No round completed within {limit.TotalMinutes:0} minutes.");
                return (done, reader.GetDouble(1) / 60);
            }
            await Task.Delay(1000);
        }
    }

    private static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
