using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Bench;

/// <summary>
/// The dashboard as its own process (<see cref="BenchNode"/>) on a throw-away database with a settled fleet, so the
/// benchmark's clients reach it over real HTTP and its memory is its own.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly BenchDatabase _database;
    private readonly DirectoryInfo _blobs;
    private readonly BenchNode _node;

    private ServerProcess(BenchDatabase database, DirectoryInfo blobs, BenchNode node) => (_database, _blobs, _node) = (database, blobs, node);

    /// <summary>What the dashboard has written to its console so far.</summary>
    public string Output() => _node.Output();

    public Uri Address => _node.Address;

    /// <summary>The server's resident set now, from /proc.</summary>
    public long RssBytes => _node.RssBytes;

    public FedDbContext Db() => new(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(_database.ConnectionString).Options);

    /// <param name="settings">Configuration keys over the settled fleet's (e.g. "Fed:Terminals:CallsPerSecond").</param>
    /// <param name="startup">How long seeding and migrating may take before it is ready (default 3 minutes).</param>
    public static async Task<ServerProcess> StartAsync(string benchmark, int terminals, IReadOnlyDictionary<string, string?> settings, TimeSpan? startup = null)
    {
        var database = await BenchDatabase.CreateAsync(benchmark);
        var blobs = Directory.CreateTempSubdirectory("fed-bench-blobs");
        try
        {
            var mnist = Environment.GetEnvironmentVariable("Fed__Data__MnistPath") ?? Path.Combine(Environment.CurrentDirectory, ".data", "mnist");
            var configuration = new Dictionary<string, string?> { ["Fed:Security:AdminPassword"] = Guid.NewGuid().ToString("N") };
            foreach (var (key, value) in EmbeddedHost.SettledFleet(database.ConnectionString, mnist, blobs.FullName, terminals)) configuration[key] = value;
            foreach (var (key, value) in settings) configuration[key] = value;
            return new ServerProcess(database, blobs, await BenchNode.StartAsync(benchmark, configuration, startup));
        }
        catch
        {
            blobs.Delete(recursive: true);
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>An enrolment code for the first edge that <paramref name="uses"/> terminals may enrol with, as an operator would create it.</summary>
    public async Task<string> EnrolmentCodeAsync(int uses)
    {
        var code = TerminalSecrets.NewEnrolmentCode();
        await using var db = Db();
        var edge = await db.EdgeServers.OrderBy(e => e.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        db.EnrolmentCodes.Add(new EnrolmentCode(edge.Id, TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(code)), TerminalSecrets.HintOf(code), "benchmark", now,
            now.AddDays(1), uses));
        await db.SaveChangesAsync();
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _blobs.Delete(recursive: true);
        await _database.DisposeAsync();
    }
}
