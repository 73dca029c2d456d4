namespace FedDashboard.Tests.Shared;

/// <summary>
/// The real dashboard for terminal agents: one edge covering the whole map, a small simulated fleet at the server's
/// speed, every terminal in coverage selected per round whatever its load, one-second heartbeats and a round deadline far away,
/// so what ends a participation early is liveness, never the deadline.
/// </summary>
public sealed class AgentDashboard : DashboardProcess
{
    public const double HeartbeatSeconds = 1;
    public const int RoundTimeoutSeconds = 600;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Fed__Fleet__Edges"] = "1",
        ["Fed__Fleet__Terminals"] = "8",
        ["Fed__Fleet__CoverageRadius"] = "1000",
        // Every idle terminal each round, and no decline expected at any load: the agent shares the machine with the
        // dashboard and other tests, so its CPU load is high, and load-aware selection would otherwise pass it over.
        ["Fed__DefaultJob__Settings__ClientFraction"] = "1",
        ["Fed__Fleet__DeclineAboveLoad"] = "1",
        ["Fed__DefaultJob__Settings__RoundTimeoutSeconds"] = RoundTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Fed__DefaultJob__Policy__Termination__MaxRounds"] = "100000",
        ["Fed__Terminals__HeartbeatSeconds"] = HeartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A fresh enrolment code for the dashboard's edge, as an operator creates one (only its hash is stored).</summary>
    public Task<string> EnrolmentCodeAsync() => TestEnrolmentCodes.IssueAsync(ConnectionString);
}

[CollectionDefinition(Name)]
public sealed class AgentDashboardCollection : ICollectionFixture<AgentDashboard>
{
    public const string Name = "dashboard process for agents";
}
