using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Tests.Shared;

/// <summary>Small factories with named arguments for what tests build often.</summary>
public static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Starts jobs in tests; an approver who is not this operator may approve what their jobs produce.</summary>
    public static readonly Actor Operator = Actor.User("olivia", Roles.Operator);

    public static readonly Actor Approver = Actor.User("arthur", Roles.Approver);

    public static readonly Actor Viewer = Actor.User("vera", Roles.Viewer);

    /// <summary>The operator who starts test jobs, holding the approver role too: still no approver of their own jobs.</summary>
    public static readonly Actor OperatorWhoApproves = Actor.User(Operator.Name, Roles.Operator, Roles.Approver);

    public static TrainingSettings Settings(
        double clientFraction = 0.25,
        int edgeRoundsPerCombination = 1,
        int roundTimeoutSeconds = 120,
        DataPartition partition = DataPartition.Iid) => new()
        {
            ClientFraction = clientFraction,
            EdgeRoundsPerCombination = edgeRoundsPerCombination,
            RoundTimeoutSeconds = roundTimeoutSeconds,
            Partition = partition,
            LearningRate = 0.05,
            BatchSize = 10,
            LocalEpochs = 1,
        };

    public static JobPolicy Policy(int maxRounds = 3, bool autoApprove = true, double? targetAccuracy = null) => new()
    {
        AutoApprove = autoApprove,
        Termination = new() { MaxRounds = maxRounds, TargetAccuracy = targetAccuracy },
    };

    /// <summary>An edge named edge-1 covering the circle of radius 300 around (500, 500), under the given policy.</summary>
    public static EdgeServer Edge(EdgePolicy? policy = null)
    {
        var edge = new EdgeServer("edge-1", 500, 500, 300);
        edge.ChangePolicy(policy ?? EdgePolicy.Default, Now);
        return edge;
    }

    public static Round Round(int number = 1) => new(jobId: 1, number, baseModelVersionId: 1, Now, Now.AddMinutes(1));

    /// <summary>A terminal's state for <see cref="FleetArrangement.KeepOnlyAsync"/>: its edge by position, telemetry and data.</summary>
    public static TerminalState Terminal(
        int edge = 0,
        double load = 0.1,
        double battery = 0.9,
        bool anonymized = true,
        double dataAgeHours = 1,
        int samples = 3000,
        bool requestsWork = false) => new(edge, load, battery, anonymized, dataAgeHours, samples, requestsWork);

    /// <summary>Host settings for a fleet that barely moves, so a test decides where terminals are; devices optionally paced.</summary>
    public static Dictionary<string, string?> CrawlingFleet(double samplesPerSecond = 0) => new()
    {
        ["Fed:Fleet:MinSpeed"] = "0.001",
        ["Fed:Fleet:MaxSpeed"] = "0.001",
        ["Fed:Fleet:LowTierSamplesPerSecond"] = samplesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Fed:Fleet:MidTierSamplesPerSecond"] = samplesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Fed:Fleet:HighTierSamplesPerSecond"] = samplesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
