using FedDashboard.Core.Orchestration.Terminals;

namespace FedDashboard.Core.Options;

/// <summary>The embedded simulated topology: edges on a square map and a fleet of terminals.</summary>
public sealed class FleetOptions : IValidatedOptions
{
    public static string Section => "Fed:Fleet";

    /// <summary>Whether this node runs the simulated fleet's telemetry; one node of a cluster is enough.</summary>
    public bool Simulate { get; set; } = true;

    public int Edges { get; set; } = 5;
    public int Terminals { get; set; } = 100;
    public double MapSize { get; set; } = 1000;
    public double CoverageRadius { get; set; } = 220;

    /// <summary>How often the simulated terminals report telemetry.</summary>
    public double TickSeconds { get; set; } = 1;

    public int Seed { get; set; } = 7;

    /// <summary>Random-waypoint mobility: speeds in map units per second, and the rest at each waypoint.</summary>
    public double MinSpeed { get; set; } = 2;

    public double MaxSpeed { get; set; } = 12;
    public double PauseSeconds { get; set; } = 20;

    /// <summary>A simulated terminal asked to train declines above this CPU load or below this battery.</summary>
    public double DeclineAboveLoad { get; set; } = 0.85;

    public double DeclineBelowBattery { get; set; } = 0.2;

    /// <summary>In availability mode TerminalsAsk, an idle terminal below this load (and not declining on battery) asks for work.</summary>
    public double RequestWorkBelowLoad { get; set; } = 0.5;

    /// <summary>A training terminal above this load does fewer local steps.</summary>
    public double BusyAboveLoad { get; set; } = 0.6;

    /// <summary>A training terminal above this load asks its edge for a lighter model, where the policy allows.</summary>
    public double SwapAboveLoad { get; set; } = 0.8;

    /// <summary>
    /// Training speed of an idle simulated device, in samples per second, by hardware tier; the server trains faster,
    /// so training is paced to this times (1 - load). 0 trains at the server's speed.
    /// </summary>
    public double LowTierSamplesPerSecond { get; set; } = 200;

    public double MidTierSamplesPerSecond { get; set; } = 500;
    public double HighTierSamplesPerSecond { get; set; } = 1200;

    /// <summary>Telemetry history: one record per terminal this often, kept this long.</summary>
    public double HistorySeconds { get; set; } = 10;

    public double HistoryHours { get; set; } = 24;

    /// <summary>
    /// The share of the simulated fleet that attacks (robust-aggregation trials): these terminals, drawn from <see cref="Seed"/>, tamper with
    /// every upload as <see cref="AttackKind"/> says. 0 in production.
    /// </summary>
    public double AttackerFraction { get; set; }

    public AttackKind AttackKind { get; set; } = AttackKind.SignFlip;

    /// <summary>For <see cref="AttackKind.Scale"/> and <see cref="AttackKind.ScaledSignFlip"/>: the factor the update is multiplied by.</summary>
    public double AttackScaleFactor { get; set; } = 10;

    public IEnumerable<string> Validate()
    {
        if (Edges is < 1 or > 100) yield return $"Edges must be from 1 to 100 (was {Edges}).";
        if (Terminals is < 1 or > 100_000) yield return $"Terminals must be from 1 to 100000 (was {Terminals}).";
        if (!(MapSize is > 0 and <= 1_000_000)) yield return $"MapSize must be greater than 0 and at most 1000000 (was {MapSize}).";
        if (!(CoverageRadius > 0 && CoverageRadius <= MapSize)) yield return $"CoverageRadius must be greater than 0 and at most MapSize (was {CoverageRadius}).";
        if (!(TickSeconds is >= 0.1 and <= 60)) yield return $"TickSeconds must be from 0.1 to 60 (was {TickSeconds}).";
        if (!(MinSpeed > 0 && MinSpeed <= MapSize)) yield return $"MinSpeed must be greater than 0 and at most MapSize (was {MinSpeed}).";
        if (!(MaxSpeed >= MinSpeed && MaxSpeed <= MapSize)) yield return $"MaxSpeed must be from MinSpeed to MapSize (was {MaxSpeed}).";
        if (!(PauseSeconds is >= 0 and <= 3600)) yield return $"PauseSeconds must be from 0 to 3600 (was {PauseSeconds}).";
        foreach (var (name, value) in new[] { (nameof(DeclineAboveLoad), DeclineAboveLoad), (nameof(DeclineBelowBattery), DeclineBelowBattery), (nameof(RequestWorkBelowLoad), RequestWorkBelowLoad), (nameof(BusyAboveLoad), BusyAboveLoad), (nameof(SwapAboveLoad), SwapAboveLoad), (nameof(AttackerFraction), AttackerFraction) })
            if (!(value is >= 0 and <= 1)) yield return $"{name} must be a fraction from 0 to 1 (was {value}).";
        foreach (var (name, value) in new[] { (nameof(LowTierSamplesPerSecond), LowTierSamplesPerSecond), (nameof(MidTierSamplesPerSecond), MidTierSamplesPerSecond), (nameof(HighTierSamplesPerSecond), HighTierSamplesPerSecond) })
            if (!(value >= 0 && value <= 1_000_000)) yield return $"{name} must be from 0 to 1000000 samples per second (was {value}).";
        if (!Enum.IsDefined(AttackKind)) yield return $"AttackKind must be one of {string.Join(", ", Enum.GetNames<AttackKind>())} (was {AttackKind}).";
        if (!(AttackScaleFactor > 0 && AttackScaleFactor <= 1_000_000)) yield return $"AttackScaleFactor must be greater than 0 and at most 1000000 (was {AttackScaleFactor}).";
        if (!(HistorySeconds is >= 1 and <= 3600)) yield return $"HistorySeconds must be from 1 to 3600 (was {HistorySeconds}).";
        if (!(HistoryHours is > 0 and <= 8760)) yield return $"HistoryHours must be greater than 0 and at most 8760 (was {HistoryHours}).";
    }
}
