using FedDashboard.Core.Hosting;
using Microsoft.Extensions.Hosting;

namespace FedDashboard.Bench;

/// <summary>The product's host on a throw-away database and blob folder, with Hangfire workers, for one benchmark run.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly BenchDatabase _database;
    private readonly DirectoryInfo _blobs;
    private readonly bool _started;

    private BenchHost(BenchDatabase database, DirectoryInfo blobs, IHost host, bool started)
    {
        _database = database;
        _blobs = blobs;
        Host = host;
        _started = started;
    }

    public IHost Host { get; }
    public IServiceProvider Services => Host.Services;
    public string ConnectionString => _database.ConnectionString;

    /// <summary>
    /// Terminals stay where they are seeded, online and in coverage, as the paper's clients do, and train at the
    /// server's speed (no device pacing); <paramref name="overrides"/> changes any of it.
    /// </summary>
    /// <param name="runWorkers">Without workers the benchmark drives every step itself and no recurring job interferes.</param>
    public static async Task<BenchHost> StartAsync(string benchmark, int terminals, IReadOnlyDictionary<string, string?>? overrides = null, bool runWorkers = true)
    {
        var database = await BenchDatabase.CreateAsync(benchmark);
        var blobs = Directory.CreateTempSubdirectory("fed-bench-blobs");
        var configuration = EmbeddedHost.SettledFleet(database.ConnectionString,
            Environment.GetEnvironmentVariable("Fed__Data__MnistPath") ?? Path.Combine(Environment.CurrentDirectory, ".data", "mnist"), blobs.FullName, terminals);
        // Each benchmark's node has its database to itself.
        configuration["Fed:Node:Alone"] = "true";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) configuration[key] = value;
        var host = await EmbeddedHost.StartAsync(configuration, runWorkers);
        return new BenchHost(database, blobs, host, runWorkers);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started) await Host.StopAsync();
        Host.Dispose();
        _blobs.Delete(recursive: true);
        await _database.DisposeAsync();
    }
}
