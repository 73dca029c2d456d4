using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Bench;

/// <summary>
/// The in-memory topology engine at fleet scale, over the default layout's 5 edges: a coverage tick (random-waypoint
/// step of 1 s, locate every terminal, collect the changes) and a round plan (select C of the fleet, assign widths);
/// then the product's whole start of a round with its database (<see cref="RoundStartWorkload"/>).
/// </summary>
internal static class FleetBenchmark
{
    private const int TargetSize = 10_000;
    private const double TickTargetMs = 10;
    private const double PlanTargetMs = 50;
    private static readonly Dictionary<int, double> StartTargetsMs = new() { [10_000] = 50, [100_000] = 500 };

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var ticks = args.PositiveInteger("ticks", 200);
        var plans = args.PositiveInteger("plans", 200);
        var warmup = args.PositiveInteger("warmup", 20);
        var fraction = args.Number("fraction", 0.1);
        if (!(fraction is > 0 and <= 1)) throw new ArgumentException($"--fraction must be above 0 and at most 1 (was {fraction}).");
        var walking = new WaypointSettings(args.Number("min-speed", 1), args.Number("max-speed", 15), TimeSpan.FromSeconds(args.Number("pause", 30)));
        var seed = args.Integer("seed", 1);
        var sizes = args.PositiveIntegers("sizes", "1000,10000,100000");
        var origin = args.Text("origin", "agent") switch
        {
            "agent" => TerminalOrigin.Agent,
            "simulated" => TerminalOrigin.Simulated,
            var other => throw new ArgumentException($"--origin must be agent or simulated (was '{other}')."),
        };
        var starts = args.PositiveInteger("starts", 10);
        var startWarmup = args.Integer("start-warmup", 2);
        if (startWarmup < 0) throw new ArgumentException($"--start-warmup must be 0 or more (was {startWarmup}).");

        var options = new FleetOptions();
        var coverage = CoverageIndex.Build(FleetLayout.Edges(options), options.MapSize);
        Console.WriteLine($"Fleet benchmark: {coverage.EdgeCount} edges (radius {options.CoverageRadius}) on a {options.MapSize} map, random waypoint at {walking.MinSpeed}-{walking.MaxSpeed} units/s with {walking.Pause.TotalSeconds} s rests; {ticks} ticks and {plans} plans (C={fraction}) after {warmup} warm-up each");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");

        var rows = new List<FleetRow>();
        foreach (var size in sizes)
        {
            var workload = new FleetWorkload(size, coverage, options.MapSize, walking, seed);
            rows.Add(new FleetRow(size, workload.MeasureTicks(warmup, ticks), workload.MeasurePlans(warmup, plans, fraction, seed)));
        }

        Console.WriteLine();
        FleetTable.Print(rows, TargetSize, TickTargetMs, PlanTargetMs);
        var met = rows.Where(r => r.Terminals == TargetSize).All(r => r.Ticks.Timings.MedianMs <= TickTargetMs && r.Plans.Timings.MedianMs <= PlanTargetMs);
        Console.WriteLine(met ? $"In-memory targets met at {TargetSize:N0} terminals." : $"In-memory targets MISSED at {TargetSize:N0} terminals.");

        Console.WriteLine();
        Console.WriteLine($"Round start with the database, a fleet of {origin.ToString().ToLowerInvariant()} terminals (C = 0.1 of the fleet; {starts} starts after at least {startWarmup} warm-up starts and until the JIT compiled nothing for a few starts, each round then marked completed):");
        var startRows = new List<RoundStartWorkload.Result>();
        foreach (var size in sizes)
        {
            startRows.Add(await RoundStartWorkload.MeasureAsync(size, origin, startWarmup, starts));
            Console.WriteLine($"  {size:N0} terminals seeded in {startRows[^1].SeedSeconds:0.0} s (not measured)");
        }
        RoundStartTable.Print(startRows, StartTargetsMs);
        var startsMet = startRows.All(r => !StartTargetsMs.TryGetValue(r.Terminals, out var ms) || r.Timings.MedianMs <= ms);
        Console.WriteLine(startsMet ? "Round start targets met." : "Round start targets MISSED.");

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
            roundStart = new { origin = origin.ToString(), starts, warmup = startWarmup, targetsMs = StartTargetsMs, met = startsMet, rows = startRows },
        });
        Console.WriteLine($"Results: {path}");
        return met && startsMet ? 0 : 1;
    }
}
