namespace FedDashboard.Tests.Shared;

/// <summary>
/// A dashboard whose fleet stands still and runs no job, for tests that change terminals (revoke their credentials)
/// without disturbing rounds other tests watch.
/// </summary>
public sealed class QuietDashboard : DashboardProcess
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Fed__Fleet__Simulate"] = "false",
        ["Fed__DefaultJob__StartOnFreshDatabase"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class QuietCollection : ICollectionFixture<QuietDashboard>
{
    public const string Name = "quiet dashboard";
}
