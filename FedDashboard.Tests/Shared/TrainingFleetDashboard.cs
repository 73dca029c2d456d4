namespace FedDashboard.Tests.Shared;

/// <summary>A dashboard whose simulated fleet trains whatever job a client's request launches; no default job competes.</summary>
public sealed class TrainingFleetDashboard : DashboardProcess
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Fed__DefaultJob__StartOnFreshDatabase"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class TrainingFleetCollection : ICollectionFixture<TrainingFleetDashboard>
{
    public const string Name = "training fleet dashboard";
}
