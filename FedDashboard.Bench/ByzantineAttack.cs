using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Simulation;
using System.Globalization;

namespace FedDashboard.Bench;

/// <summary>One attack setting of the simulated fleet: which tampering, by what factor, and the share of terminals doing it.</summary>
internal sealed record ByzantineAttack(string Name, AttackKind Kind, double ScaleFactor, double Fraction)
{
    public static ByzantineAttack None { get; } = new("none", AttackKind.SignFlip, 10, 0);

    /// <summary>
    /// The attacks `--attacks` names: the two literal ones, and a stronger variant of the sign flip that is not
    /// the (a literal sign flip by 20 % only slows FedAvg down: the mean update keeps 0.8 − 0.2 of its size).
    /// </summary>
    public static ByzantineAttack Named(string name, double fraction) => name switch
    {
        "signflip" => new("sign-flip", AttackKind.SignFlip, 1, fraction),
        "scale" => new("scale ×10", AttackKind.Scale, 10, fraction),
        "signflip10" => new("sign-flip ×10 (stronger variant)", AttackKind.ScaledSignFlip, 10, fraction),
        _ => throw new ArgumentException($"--attacks takes signflip, scale and signflip10, comma-separated (was '{name}')."),
    };

    public IReadOnlyDictionary<string, string?> FleetSettings() => new Dictionary<string, string?>
    {
        ["Fed:Fleet:AttackerFraction"] = Fraction.ToString(CultureInfo.InvariantCulture),
        ["Fed:Fleet:AttackKind"] = Kind.ToString(),
        ["Fed:Fleet:AttackScaleFactor"] = ScaleFactor.ToString(CultureInfo.InvariantCulture),
    };
}
