using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Options;


namespace FedDashboard.Core.Simulation;

/// <summary>Where the embedded simulation places edges and terminals on the map.</summary>
public static class FleetLayout
{
    /// <summary>Edges evenly on a ring around the map's centre, each with the configured coverage radius, kept on the map where the radius allows.</summary>
    public static IReadOnlyList<EdgeServer> Edges(FleetOptions options)
    {
        var centre = options.MapSize / 2;
        var ring = options.Edges == 1 ? 0 : Math.Max(0, Math.Min(options.MapSize * 0.3, centre - options.CoverageRadius));
        return Enumerable.Range(0, options.Edges)
            .Select(i =>
            {
                var angle = 2 * Math.PI * i / options.Edges;
                return new EdgeServer($"edge-{i + 1}", centre + ring * Math.Cos(angle), centre + ring * Math.Sin(angle), options.CoverageRadius);
            })
            .ToList();
    }

    /// <summary>Terminals spread evenly over the edges, each at a uniformly random point of its edge's circle.</summary>
    public static IReadOnlyList<(Terminal Terminal, EdgeServer Edge)> Terminals(FleetOptions options, IReadOnlyList<EdgeServer> edges)
    {
        var random = new Random(options.Seed);
        var types = Enum.GetValues<TerminalType>();
        var tiers = Enum.GetValues<HardwareTier>();
        return Enumerable.Range(0, options.Terminals)
            .Select(i =>
            {
                var edge = edges[i % edges.Count];
                var radius = edge.Radius * Math.Sqrt(random.NextDouble());
                var angle = 2 * Math.PI * random.NextDouble();
                var terminal = new Terminal($"terminal-{i + 1:D5}", i, types[random.Next(types.Length)], tiers[random.Next(tiers.Length)],
                    edge.CenterX + radius * Math.Cos(angle), edge.CenterY + radius * Math.Sin(angle));
                return (terminal, edge);
            })
            .ToList();
    }
}
