using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Bench;

/// <summary>
/// The dashboard as its own process (its Release build, Kestrel on a free loopback port) on a throw-away database with a
/// settled fleet, so the benchmark's clients reach it over real HTTP and its memory is its own.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly BenchDatabase _database;
    private readonly DirectoryInfo _blobs;
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output;

    private ServerProcess(BenchDatabase database, DirectoryInfo blobs, Process process, Uri address, System.Text.StringBuilder output)
    {
        (_database, _blobs, _process, Address, _output) = (database, blobs, process, address, output);
    }

    /// <summary>What the dashboard has written to its console so far.</summary>
    public string Output()
    {
        lock (_output) return _output.ToString();
    }

    public Uri Address { get; }

    /// <summary>The server's resident set now, from /proc.</summary>
    public long RssBytes =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).Single();

    public FedDbContext Db() => new(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(_database.ConnectionString).Options);

    /// <param name="settings">Configuration keys over the settled fleet's (e.g. "Fed:Terminals:CallsPerSecond").</param>
    /// <param name="startup">How long seeding and migrating may take before it serves (default 3 minutes).</param>
    public static async Task<ServerProcess> StartAsync(string benchmark, int terminals, IReadOnlyDictionary<string, string?> settings, TimeSpan? startup = null)
    {
        var database = await BenchDatabase.CreateAsync(benchmark);
        var blobs = Directory.CreateTempSubdirectory("fed-bench-blobs");
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var mnist = Environment.GetEnvironmentVariable("Fed__Data__MnistPath") ?? Path.Combine(Environment.CurrentDirectory, ".data", "mnist");
        var web = Path.Combine(Environment.CurrentDirectory, "FedDashboard");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "bin", "Release", "net10.0", "FedDashboard.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Fed__Security__AdminPassword"] = Guid.NewGuid().ToString("N");
        var configuration = EmbeddedHost.SettledFleet(database.ConnectionString, mnist, blobs.FullName, terminals);
        foreach (var (key, value) in settings) configuration[key] = value;
        foreach (var (key, value) in configuration) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(database, blobs, process, address, output);
        try
        {
            await server.WaitUntilServingAsync(startup ?? TimeSpan.FromMinutes(3));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
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

    private async Task WaitUntilServingAsync(TimeSpan startup)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.Add(startup);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The dashboard exited with {_process.ExitCode}:\n{Output()}");
            try
            {
                if ((int)(await client.GetAsync("account/login")).StatusCode < 500) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not serving yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The dashboard did not answer at {Address} within {startup.TotalMinutes:0} minutes:\n{Output()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _blobs.Delete(recursive: true);
        await _database.DisposeAsync();
    }
}
