using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Orchestration.Options;

/// <summary>
/// The embedded topology: edges on a square map and a fleet of terminals, how the edges expect a terminal to answer,
/// and the telemetry history. What only the simulated terminals do is in the simulation's own options (same section).
/// </summary>
public sealed class FleetOptions : IValidatedOptions
{
    public static string Section => "Fed:Fleet";

    public int Edges { get; set; } = 5;
    public int Terminals { get; set; } = 100;
    public double MapSize { get; set; } = 1000;
    public double CoverageRadius { get; set; } = 220;

    public int Seed { get; set; } = 7;

    /// <summary>Random-waypoint mobility: speeds in map units per second, and the rest at each waypoint.</summary>
    public double MinSpeed { get; set; } = 2;

    public double MaxSpeed { get; set; } = 12;
    public double PauseSeconds { get; set; } = 20;

    /// <summary>A simulated terminal asked to train declines above this CPU load or below this battery.</summary>
    public double DeclineAboveLoad { get; set; } = 0.85;

    public double DeclineBelowBattery { get; set; } = 0.2;

    public DeclineThresholds Decline => new(DeclineAboveLoad, DeclineBelowBattery);

    /// <summary>Telemetry history: one record per terminal this often, kept this long.</summary>
    public double HistorySeconds { get; set; } = 10;

    public double HistoryHours { get; set; } = 24;

    public IEnumerable<string> Validate()
    {
        if (Edges is < 1 or > 100) yield return $"Edges must be from 1 to 100 (was {Edges}).";
        if (Terminals is < 1 or > 100_000) yield return $"Terminals must be from 1 to 100000 (was {Terminals}).";
        if (!(MapSize is > 0 and <= 1_000_000)) yield return $"MapSize must be greater than 0 and at most 1000000 (was {MapSize}).";
        if (!(CoverageRadius > 0 && CoverageRadius <= MapSize)) yield return $"CoverageRadius must be greater than 0 and at most MapSize (was {CoverageRadius}).";
        if (!(MinSpeed > 0 && MinSpeed <= MapSize)) yield return $"MinSpeed must be greater than 0 and at most MapSize (was {MinSpeed}).";
        if (!(MaxSpeed >= MinSpeed && MaxSpeed <= MapSize)) yield return $"MaxSpeed must be from MinSpeed to MapSize (was {MaxSpeed}).";
        if (!(PauseSeconds is >= 0 and <= 3600)) yield return $"PauseSeconds must be from 0 to 3600 (was {PauseSeconds}).";
        foreach (var (name, value) in new[] { (nameof(DeclineAboveLoad), DeclineAboveLoad), (nameof(DeclineBelowBattery), DeclineBelowBattery) })
            if (!(value is >= 0 and <= 1)) yield return $"{name} must be a fraction from 0 to 1 (was {value}).";
        if (!(HistorySeconds is >= 1 and <= 3600)) yield return $"HistorySeconds must be from 1 to 3600 (was {HistorySeconds}).";
        if (!(HistoryHours is > 0 and <= 8760)) yield return $"HistoryHours must be greater than 0 and at most 8760 (was {HistoryHours}).";
    }
}
