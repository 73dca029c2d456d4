using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// The real orchestrator on its own database: EF Core on PostgreSQL, Hangfire on PostgreSQL, TorchSharp, MNIST.
/// With <c>runWorkers</c> the Hangfire servers process jobs; without, jobs wait in storage and a test drives
/// each step itself, so it can run a step twice or two at once.
/// </summary>
public sealed class FedTestHost : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private readonly IHost _host;
    private readonly TestDatabase _database;
    private readonly string _blobFolder;
    private readonly bool _started;
    private readonly Dictionary<string, string?> _configuration;
    private readonly bool _ownsDatabase;

    private FedTestHost(IHost host, TestDatabase database, string blobFolder, bool started, Dictionary<string, string?> configuration, bool ownsDatabase = true)
    {
        _host = host;
        _database = database;
        _blobFolder = blobFolder;
        _started = started;
        _configuration = configuration;
        _ownsDatabase = ownsDatabase;
    }

    public IServiceProvider Services => _host.Services;
    /// <summary>Every right on the test's database (the admin's, or the owner's when it has roles).</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>What the host connects as.</summary>
    public string AppConnectionString => _database.AppConnectionString;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public FedDbContext Db() => Get<IDbContextFactory<FedDbContext>>().CreateDbContext();

    /// <summary>Starts the job's next round by hand and returns it with its participants.</summary>
    public async Task<Round> StartRoundByHandAsync(int jobId)
    {
        await Get<RoundStarter>().StartNextRoundAsync(jobId);
        await using var db = Db();
        return await db.Rounds.Include(r => r.Participants).Where(r => r.JobId == jobId).OrderByDescending(r => r.Number).FirstAsync();
    }

    /// <summary>Every participant of the round trains and reports, one after another.</summary>
    public async Task TrainAllAsync(Round round)
    {
        foreach (var participant in round.Participants) await Get<SimulatedTerminal>().TrainAsync(participant.Id);
    }

    /// <summary>A whole round by hand: start, everyone trains, aggregate, reward.</summary>
    public async Task<Round> RunRoundByHandAsync(int jobId)
    {
        var round = await StartRoundByHandAsync(jobId);
        await TrainAllAsync(round);
        await Get<RoundAggregator>().AggregateAsync(round.Id);
        await Get<RoundRewarding>().RewardAsync(round.Id);
        return round;
    }

    /// <param name="withRoles">As ./fed run: an owner migrates and grants at start, the host runs as an app role that owns nothing.</param>
    /// <param name="clock">The orchestrator's clock instead of the system's, e.g. a FakeTimeProvider that a test moves past a deadline.</param>
    /// <param name="services">Registrations over the orchestrator's own, e.g. a stand-in for a port whose table is not built yet.</param>
    /// <remarks>
    /// Without roles the database is a copy of the migrated template, so the start finds nothing to migrate; with roles
    /// it starts empty and the owner migrates it. Hosts on the repository's MNIST share one copy of it in memory.
    /// </remarks>
    public static async Task<FedTestHost> StartAsync(bool runWorkers, int terminals = 20, IDictionary<string, string?>? settings = null, bool withRoles = false, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var database = withRoles ? await TestDatabase.CreateWithRolesAsync() : await TestDatabase.CreateMigratedAsync();
        var blobs = Path.Combine(Path.GetTempPath(), $"fed-blobs-{Guid.NewGuid():N}");
        var configuration = EmbeddedHost.SettledFleet(database.AppConnectionString, TestEnvironment.MnistPath, blobs, terminals);
        configuration["ConnectionStrings:FedOwner"] = database.OwnerConnectionString;
        // Without a pause between rounds the central step starts the next round itself; a test that drives the steps
        // acts between rounds, so the start waits in storage too.
        if (!runWorkers) configuration["Fed:Orchestration:SecondsBetweenRounds"] = "2";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        // Hangfire keeps its configuration in process-wide statics that a host sets while it starts; one at a time.
        await StartGate.WaitAsync();
        try
        {
            return new FedTestHost(await StartHostAsync(configuration, runWorkers, clock, services), database, blobs, runWorkers, configuration);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>
    /// Another node on this host's database and blob folder, configured as this host with <paramref name="settings"/> over it
    /// (give it a Fed:Node:Name of its own). Dispose it before this host, which drops the database.
    /// </summary>
    public async Task<FedTestHost> StartNodeAsync(IDictionary<string, string?> settings, bool runWorkers = true)
    {
        var configuration = new Dictionary<string, string?>(_configuration);
        foreach (var (key, value) in settings) configuration[key] = value;
        await StartGate.WaitAsync();
        try
        {
            return new FedTestHost(await StartHostAsync(configuration, runWorkers, clock: null, services: null), _database, _blobFolder, runWorkers, configuration, ownsDatabase: false);
        }
        finally
        {
            StartGate.Release();
        }
    }

    private static Task<IHost> StartHostAsync(Dictionary<string, string?> configuration, bool runWorkers, TimeProvider? clock, Action<IServiceCollection>? services) =>
        EmbeddedHost.StartAsync(configuration, runWorkers, replace: registered =>
        {
            if (configuration["Fed:Data:MnistPath"] == TestEnvironment.MnistPath) registered.AddSingleton(SharedMnist.Data);
            if (clock is not null) registered.AddSingleton(clock);
            services?.Invoke(registered);
        });

    public async ValueTask DisposeAsync()
    {
        if (_started) await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        if (!_ownsDatabase) return;
        await _database.DisposeAsync();
        if (Directory.Exists(_blobFolder)) Directory.Delete(_blobFolder, recursive: true);
    }
}
