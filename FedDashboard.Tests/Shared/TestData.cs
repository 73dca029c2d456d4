using FedDashboard.Core.Orchestration;

namespace FedDashboard.Tests.Shared;

/// <summary>Small factories with named arguments for what tests build often.</summary>
public static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static TrainingSettings Settings(
        int maxRounds = 3,
        double clientFraction = 0.25,
        int edgeRoundsPerCombination = 1,
        bool autoApprove = true,
        int roundTimeoutSeconds = 120,
        double? targetAccuracy = null,
        DataPartition partition = DataPartition.Iid) => new()
        {
            MaxRounds = maxRounds,
            ClientFraction = clientFraction,
            EdgeRoundsPerCombination = edgeRoundsPerCombination,
            AutoApprove = autoApprove,
            RoundTimeoutSeconds = roundTimeoutSeconds,
            TargetAccuracy = targetAccuracy,
            Partition = partition,
            LearningRate = 0.05,
            BatchSize = 10,
            LocalEpochs = 1,
        };

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
