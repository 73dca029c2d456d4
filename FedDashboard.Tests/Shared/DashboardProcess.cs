using System.Diagnostics;
using System.Net;
using System.Text;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// The real dashboard as `./fed run` starts it — its own process, Kestrel on a free loopback port, a database
/// of its own (owner and app roles), the simulated fleet and the default job — for browser and hub tests. One per test collection.
/// </summary>
public class DashboardProcess : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private TestDatabase _database = null!;
    private Process _process = null!;
    private string _blobs = null!;

    private readonly SemaphoreSlim _accountsGate = new(1, 1);
    private readonly HashSet<string> _accounts = [DashboardAccounts.AdminName];

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The dashboard's own database with the owner's rights, for tests that arrange data or compare what a page or export shows with what is stored.</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>Creates the account once per dashboard (tests of a collection share it); its password is <see cref="DashboardAccounts.PasswordOf"/>.</summary>
    public async Task EnsureUserAsync(string userName, params string[] roles)
    {
        await _accountsGate.WaitAsync();
        try
        {
            if (_accounts.Add(userName)) await DashboardAccounts.CreateAsync(_database.ConnectionString, userName, roles);
        }
        finally
        {
            _accountsGate.Release();
        }
    }

    /// <summary>Environment settings over the defaults above, for a collection that needs a differently configured dashboard.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>What the app printed so far, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task InitializeAsync()
    {
        // Two roles, as ./fed run: the browser tests exercise the app role's privileges.
        _database = await TestDatabase.CreateWithRolesAsync();
        _blobs = Directory.CreateTempSubdirectory("fed-dashboard-blobs").FullName;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var webProject = Path.Combine(TestEnvironment.RepositoryRoot, "FedDashboard");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(webProject, "bin", configuration, "net10.0", "FedDashboard.dll"), "--urls", BaseAddress.ToString()])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment(_database, _blobs)) start.Environment[key] = value;
        foreach (var (key, value) in Settings) start.Environment[key] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    /// <summary>The environment of a dashboard process on <paramref name="database"/> with a fast demo job (the cluster tests' nodes too).</summary>
    public static Dictionary<string, string?> Environment(TestDatabase database, string blobs) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Fed"] = database.AppConnectionString,
        ["ConnectionStrings__FedOwner"] = database.OwnerConnectionString,
        ["Fed__Data__MnistPath"] = TestEnvironment.MnistPath,
        ["Fed__Data__BlobPath"] = blobs,
        ["Fed__Fleet__Terminals"] = "40",
        ["Fed__Orchestration__SecondsBetweenRounds"] = "0.5",
        ["Fed__DefaultJob__Settings__ClientFraction"] = "0.1",
        // Devices at the server's speed, so a round's terminals all report within moments of each other.
        ["Fed__Fleet__LowTierSamplesPerSecond"] = "0",
        ["Fed__Fleet__MidTierSamplesPerSecond"] = "0",
        ["Fed__Fleet__HighTierSamplesPerSecond"] = "0",
        // No mid-training model swaps: the pages under test show whole rounds, and a swap is tested on its own.
        ["Fed__Fleet__SwapAboveLoad"] = "1",
        ["Fed__Security__AdminUserName"] = DashboardAccounts.AdminName,
        ["Fed__Security__AdminPassword"] = DashboardAccounts.AdminPassword,
        // The tests sign in and download from one address far more often than a person does.
        ["Fed__Access__SignInAttemptsPerClient"] = "100000",
        ["Fed__Access__ExportsPerUser"] = "100000",
    };

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The dashboard exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but the first page took longer than the client's timeout (a cold start on a busy machine); ask again until the deadline.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The dashboard did not answer at {BaseAddress} within 2 minutes:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _database.DisposeAsync();
        Directory.Delete(_blobs, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardProcess>
{
    public const string Name = "dashboard process";
}
