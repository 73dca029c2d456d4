using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Bench;

/// <summary>
/// The in-memory topology engine at fleet scale, over the default layout's 5 edges: a coverage tick (random-waypoint
/// step of 1 s, locate every terminal, collect the changes) and a round plan (select C of the fleet, assign widths).
/// </summary>
internal static class FleetBenchmark
{
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];
    private const int TargetSize = 10_000;
    private const double TickTargetMs = 10;
    private const double PlanTargetMs = 50;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var ticks = args.PositiveInteger("ticks", 200);
        var plans = args.PositiveInteger("plans", 200);
        var warmup = args.PositiveInteger("warmup", 20);
        var fraction = args.Number("fraction", 0.1);
        if (!(fraction is > 0 and <= 1)) throw new ArgumentException($"--fraction must be above 0 and at most 1 (was {fraction}).");
        var walking = new WaypointSettings(args.Number("min-speed", 1), args.Number("max-speed", 15), TimeSpan.FromSeconds(args.Number("pause", 30)));
        var seed = args.Integer("seed", 1);

        var options = new FleetOptions();
        var coverage = CoverageIndex.Build(FleetLayout.Edges(options), options.MapSize);
        Console.WriteLine($"Fleet benchmark: {coverage.EdgeCount} edges (radius {options.CoverageRadius}) on a {options.MapSize} map, random waypoint at {walking.MinSpeed}-{walking.MaxSpeed} units/s with {walking.Pause.TotalSeconds} s rests; {ticks} ticks and {plans} plans (C={fraction}) after {warmup} warm-up each");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");

        var rows = new List<FleetRow>();
        foreach (var size in Sizes)
        {
            var workload = new FleetWorkload(size, coverage, options.MapSize, walking, seed);
            rows.Add(new FleetRow(size, workload.MeasureTicks(warmup, ticks), workload.MeasurePlans(warmup, plans, fraction, seed)));
        }

        Console.WriteLine();
        FleetTable.Print(rows, TargetSize, TickTargetMs, PlanTargetMs);
        var target = rows.Single(r => r.Terminals == TargetSize);
        var met = target.Ticks.Timings.MedianMs <= TickTargetMs && target.Plans.Timings.MedianMs <= PlanTargetMs;
        Console.WriteLine(met ? $"Targets met at {TargetSize:N0} terminals." : $"Targets MISSED at {TargetSize:N0} terminals.");

        var path = await BenchResults.WriteAsync("fleet", new
        {
            benchmark = "fleet",
            machine = MachineDescription.Describe(),
            edges = coverage.EdgeCount,
            mapSize = options.MapSize,
            coverageRadius = options.CoverageRadius,
            walking = new { minSpeed = walking.MinSpeed, maxSpeed = walking.MaxSpeed, pauseSeconds = walking.Pause.TotalSeconds },
            ticks,
            plans,
            warmup,
            fraction,
            seed,
            targets = new { terminals = TargetSize, tickMedianMs = TickTargetMs, planMedianMs = PlanTargetMs, met },
            rows,
        });
        Console.WriteLine($"Results: {path}");
        return met ? 0 : 1;
    }
}
