namespace FedDashboard.Core.Topology.Simulation;

/// <summary>What a terminal must meet to be selected for a round; an absent bound does not apply.</summary>
public sealed record SelectionStandard
{
    public static readonly SelectionStandard None = new();

    public SelectionStandard(double? maxCpuLoad = null, double? minBattery = null, double? minTrainingSpeed = null)
    {
        if (maxCpuLoad is { } load && !(load is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(maxCpuLoad), load, "The maximum CPU load is a fraction from 0 to 1.");
        if (minBattery is { } battery && !(battery is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(minBattery), battery, "The minimum battery is a fraction from 0 to 1.");
        if (minTrainingSpeed is { } speed && !(speed >= 0 && double.IsFinite(speed)))
            throw new ArgumentOutOfRangeException(nameof(minTrainingSpeed), speed, "The minimum training speed is a finite number of samples per second, at least 0.");
        MaxCpuLoad = maxCpuLoad;
        MinBattery = minBattery;
        MinTrainingSpeed = minTrainingSpeed;
    }

    public double? MaxCpuLoad { get; }
    public double? MinBattery { get; }

    /// <summary>Samples per second; a terminal that has not trained yet reports 0 and so fails any bound above 0.</summary>
    public double? MinTrainingSpeed { get; }
}
