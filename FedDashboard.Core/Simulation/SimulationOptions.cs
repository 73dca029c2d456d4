using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Orchestration.Options;


namespace FedDashboard.Core.Simulation;

/// <summary>
/// How the simulated terminals behave: ticks, asking for work, adapting to load, device speeds and attacks. Read from
/// the same section as <see cref="FleetOptions"/> (the keys stay where operators know them), but only the simulation
/// reads these; orchestration never does.
/// </summary>
public sealed class SimulationOptions : IValidatedOptions
{
    public static string Section => FleetOptions.Section;

    /// <summary>Whether this node runs the simulated fleet's telemetry; one node of a cluster is enough.</summary>
    public bool Simulate { get; set; } = true;

    /// <summary>How often the simulated terminals move and their telemetry changes; each reports it at the heartbeat interval its edge answers.</summary>
    public double TickSeconds { get; set; } = 1;

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

    /// <summary>
    /// The share of the simulated fleet that attacks (robust-aggregation trials): these terminals, drawn from the fleet's seed, tamper with
    /// every upload as <see cref="AttackKind"/> says. 0 in production.
    /// </summary>
    public double AttackerFraction { get; set; }

    public AttackKind AttackKind { get; set; } = AttackKind.SignFlip;

    /// <summary>For <see cref="AttackKind.Scale"/> and <see cref="AttackKind.ScaledSignFlip"/>: the factor the update is multiplied by.</summary>
    public double AttackScaleFactor { get; set; } = 10;

    public IEnumerable<string> Validate()
    {
        if (!(TickSeconds is >= 0.1 and <= 60)) yield return $"TickSeconds must be from 0.1 to 60 (was {TickSeconds}).";
        foreach (var (name, value) in new[] { (nameof(RequestWorkBelowLoad), RequestWorkBelowLoad), (nameof(BusyAboveLoad), BusyAboveLoad), (nameof(SwapAboveLoad), SwapAboveLoad), (nameof(AttackerFraction), AttackerFraction) })
            if (!(value is >= 0 and <= 1)) yield return $"{name} must be a fraction from 0 to 1 (was {value}).";
        foreach (var (name, value) in new[] { (nameof(LowTierSamplesPerSecond), LowTierSamplesPerSecond), (nameof(MidTierSamplesPerSecond), MidTierSamplesPerSecond), (nameof(HighTierSamplesPerSecond), HighTierSamplesPerSecond) })
            if (!(value >= 0 && value <= 1_000_000)) yield return $"{name} must be from 0 to 1000000 samples per second (was {value}).";
        if (!Enum.IsDefined(AttackKind)) yield return $"AttackKind must be one of {string.Join(", ", Enum.GetNames<AttackKind>())} (was {AttackKind}).";
        if (!(AttackScaleFactor > 0 && AttackScaleFactor <= 1_000_000)) yield return $"AttackScaleFactor must be greater than 0 and at most 1000000 (was {AttackScaleFactor}).";
    }
}
