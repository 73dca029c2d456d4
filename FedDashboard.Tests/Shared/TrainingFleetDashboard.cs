namespace FedDashboard.Tests.Shared;

/// <summary>
/// A dashboard whose simulated fleet trains whatever job a client's request launches; no default job competes. Its
/// callbacks may go to receivers on 127.0.0.1 over http, and a failed attempt is retried after a second.
/// </summary>
public sealed class TrainingFleetDashboard : DashboardProcess
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Fed__DefaultJob__StartOnFreshDatabase"] = "false",
        ["Fed__Callbacks__AllowHttp"] = "true",
        ["Fed__Callbacks__AllowLoopback"] = "true",
        ["Fed__Callbacks__RetryDelaysSeconds__0"] = "1",
    };
}

[CollectionDefinition(Name)]
public sealed class TrainingFleetCollection : ICollectionFixture<TrainingFleetDashboard>
{
    public const string Name = "training fleet dashboard";
}
