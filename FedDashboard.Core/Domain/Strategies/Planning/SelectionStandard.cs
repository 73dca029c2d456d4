namespace FedDashboard.Core.Domain.Strategies.Planning;

/// <summary>What a terminal must meet to be selected for a round; an absent bound does not apply.</summary>
public sealed record SelectionStandard
{
    public static readonly SelectionStandard None = new();

    public SelectionStandard(double? maxCpuLoad = null, double? minBattery = null, double? minTrainingSpeed = null)
    {
        foreach (var (field, message) in Problems(maxCpuLoad, minBattery, minTrainingSpeed))
            throw new ArgumentOutOfRangeException(field, message);
        MaxCpuLoad = maxCpuLoad;
        MinBattery = minBattery;
        MinTrainingSpeed = minTrainingSpeed;
    }

    public double? MaxCpuLoad { get; }
    public double? MinBattery { get; }

    /// <summary>Samples per second; a terminal that has not trained yet reports 0 and so fails any bound above 0.</summary>
    public double? MinTrainingSpeed { get; }

    /// <summary>Each bound that is out of range, named as the constructor's parameter, with what is allowed.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(double? maxCpuLoad, double? minBattery, double? minTrainingSpeed)
    {
        if (maxCpuLoad is { } load && !(load is >= 0 and <= 1))
            yield return (nameof(maxCpuLoad), $"The maximum CPU load is a fraction from 0 to 1 (was {load}).");
        if (minBattery is { } battery && !(battery is >= 0 and <= 1))
            yield return (nameof(minBattery), $"The minimum battery is a fraction from 0 to 1 (was {battery}).");
        if (minTrainingSpeed is { } speed && !(speed >= 0 && double.IsFinite(speed)))
            yield return (nameof(minTrainingSpeed), $"The minimum training speed is a finite number of samples per second, at least 0 (was {speed}).");
    }
}
