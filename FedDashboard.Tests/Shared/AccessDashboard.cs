using FedDashboard.Core.Orchestration.Security;


namespace FedDashboard.Tests.Shared;

/// <summary>
/// A dashboard that rechecks sign-ins every <see cref="RevalidationSeconds"/> s, with small sign-in, lockout and export
/// limits, and without the fleet and the default job, which the access tests do not need.
/// </summary>
public sealed class AccessDashboard : DashboardProcess
{
    public const int RevalidationSeconds = 2;
    public const int SignInAttemptsPerClient = 30;
    public const int LockoutThreshold = 3;
    public const int ExportsPerUser = 5;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Fed__Fleet__Simulate"] = "false",
        ["Fed__DefaultJob__StartOnFreshDatabase"] = "false",
        ["Fed__Access__RevalidationSeconds"] = $"{RevalidationSeconds}",
        ["Fed__Access__SignInAttemptsPerClient"] = $"{SignInAttemptsPerClient}",
        ["Fed__Access__LockoutThreshold"] = $"{LockoutThreshold}",
        ["Fed__Access__LockoutSeconds"] = "3600",
        ["Fed__Access__ExportsPerUser"] = $"{ExportsPerUser}",
        ["Fed__Access__ExportWindowSeconds"] = "3600",
    };

    /// <summary>Changes an account on this dashboard's database as its administrator would on the Users page.</summary>
    public Task AdministerAsync(Func<UserAdministration, Task> change) => DashboardAccounts.AdministerAsync(ConnectionString, change);
}

[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<AccessDashboard>
{
    public const string Name = "access dashboard";
}
