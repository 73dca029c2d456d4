using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>Creates the simulated edges and enrols the simulated terminals on a topology that has none.</summary>
public sealed class FleetSeeder(FleetRegistry registry, IOptions<FleetOptions> options, TimeProvider clock)
{
    private static readonly string[] Apps = ["camera", "keyboard", "health"];
    private const int MnistTrainingImages = 60_000;

    /// <returns>True when it created the fleet, false when one was already there.</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await registry.HasEdgesAsync(ct)) return false;
        var edges = await registry.AddEdgesAsync(FleetLayout.Edges(options.Value), ct);

        var random = new Random(options.Value.Seed);
        var now = clock.GetUtcNow();
        var coverage = CoverageIndex.Build(edges, options.Value.MapSize);
        var mapSize = options.Value.MapSize;
        var terminals = new List<Terminal>();
        foreach (var (terminal, _) in FleetLayout.Terminals(options.Value, edges))
        {
            // On the map and with the edge the fleet's own coverage finds (the nearest covering centre), as the fleet
            // simulation keeps them; otherwise its first tick would move terminals and end their trainings.
            var x = Math.Clamp(terminal.PositionX, 0, mapSize);
            var y = Math.Clamp(terminal.PositionY, 0, mapSize);
            var edge = coverage.Locate(x, y);
            terminal.MoveTo(x, y, edge < 0 ? null : edges[edge].Id);
            terminal.ReportTelemetry(random.NextDouble() * 0.5, 0.5 + random.NextDouble() * 0.5, 1024 + random.Next(3072), online: true, now);
            terminal.DescribeData(
                Apps[random.Next(Apps.Length)],
                (MnistTrainingImages - FederatedData.ValidationImages) / options.Value.Terminals,
                anonymized: random.NextDouble() < 0.8,
                now - TimeSpan.FromHours(random.NextDouble() * 48));
            terminals.Add(terminal);
        }
        await registry.EnrolAsync(terminals, ct);
        return true;
    }
}
