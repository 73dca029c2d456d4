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

    public IEnumerable<string> Validate()
    {
        if (Edges is < 1 or > 100) yield return $"Edges must be from 1 to 100 (was {Edges}).";
        if (Terminals is < 1 or > 100_000) yield return $"Terminals must be from 1 to 100000 (was {Terminals}).";
        if (!(MapSize is > 0 and <= 1_000_000)) yield return $"MapSize must be greater than 0 and at most 1000000 (was {MapSize}).";
        if (!(CoverageRadius > 0 && CoverageRadius <= MapSize)) yield return $"CoverageRadius must be greater than 0 and at most MapSize (was {CoverageRadius}).";
        if (!(TickSeconds is >= 0.1 and <= 60)) yield return $"TickSeconds must be from 0.1 to 60 (was {TickSeconds}).";
    }
}
