namespace FedDashboard.Tests.Shared;

/// <summary>
/// The real dashboard as `./fed run` starts it — its own process (<see cref="NodeProcess"/>), a database of its own (owner
/// and app roles), the simulated fleet and the default job — for browser and hub tests. One per test collection.
/// </summary>
public class DashboardProcess : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NodeProcess _node = null!;
    private string _blobs = null!;

    private readonly SemaphoreSlim _accountsGate = new(1, 1);
    private readonly HashSet<string> _accounts = [DashboardAccounts.AdminName];

    public Uri BaseAddress => _node.BaseAddress;

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
    public string Output => _node.Output;

    public async Task InitializeAsync()
    {
        // Two roles, as ./fed run: the browser tests exercise the app role's privileges.
        _database = await TestDatabase.CreateWithRolesAsync();
        _blobs = Directory.CreateTempSubdirectory("fed-dashboard-blobs").FullName;
        var environment = Environment(_database, _blobs);
        foreach (var (key, value) in Settings) environment[key] = value;
        _node = new NodeProcess("dashboard", environment);
        await _node.StartAsync();
        await RenderFirstPageAsync();
    }

    /// <summary>The first page's render is the slowest (a cold start on a busy machine): done once here, not in the first test's timeouts.</summary>
    private async Task RenderFirstPageAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        (await client.GetAsync("/")).EnsureSuccessStatusCode();
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

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_blobs, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardProcess>
{
    public const string Name = "dashboard process";
}
