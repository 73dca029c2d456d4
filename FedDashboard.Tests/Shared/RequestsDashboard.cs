namespace FedDashboard.Tests.Shared;

/// <summary>
/// A dashboard for clients' training requests over HTTP: its fleet stands still and no default job runs, so the jobs
/// the requests launch are the only ones and nothing trains behind the tests' backs.
/// </summary>
public sealed class RequestsDashboard : DashboardProcess
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Fed__Fleet__Simulate"] = "false",
        ["Fed__DefaultJob__StartOnFreshDatabase"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class RequestsCollection : ICollectionFixture<RequestsDashboard>
{
    public const string Name = "requests dashboard";
}
