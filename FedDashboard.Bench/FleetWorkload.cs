using FedDashboard.Core.Domain.Strategies.Planning;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Simulation;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>One fleet size: terminals walking over the edges' coverage, then rounds planned over their state.</summary>
internal sealed class FleetWorkload
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly SelectionStandard Standard = new(maxCpuLoad: 0.8, minBattery: 0.2);

    // Tiered JIT promotes a method after 30 calls and a 100 ms delay, then compiles it in the background; warming up
    // for a second as well as a number of runs keeps that work out of the measured runs.
    private static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(1);

    private readonly RandomWaypointMobility _mobility;
    private readonly CoverageIndex _coverage;
    private readonly int[] _edgeOfTerminal;
    private readonly List<CoverageChange> _changes = [];

    public FleetWorkload(int terminals, CoverageIndex coverage, double mapSize, WaypointSettings walking, int seed)
    {
        _mobility = RandomWaypointMobility.Scatter(terminals, mapSize, walking, seed);
        _coverage = coverage;
        _edgeOfTerminal = new int[terminals];
        Array.Fill(_edgeOfTerminal, -1);
        _coverage.Update(_mobility.Xs, _mobility.Ys, _edgeOfTerminal, _changes);
    }

    public sealed record TickResult(Timings Timings, double ChangesPerTick, double CoveredShare);

    public sealed record PlanResult(Timings Timings, int Selected, int Eligible, long BytesPerPlan);

    /// <summary>Advance by one second, locate every terminal, collect the changes.</summary>
    public TickResult MeasureTicks(int warmup, int ticks)
    {
        WarmUp(warmup, RunTick);
        GC.Collect();
        var times = new List<double>(ticks);
        long changes = 0;
        var stopwatch = new Stopwatch();
        for (var i = 0; i < ticks; i++)
        {
            stopwatch.Restart();
            RunTick();
            stopwatch.Stop();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            changes += _changes.Count;
        }
        var covered = _edgeOfTerminal.Count(e => e >= 0) / (double)_edgeOfTerminal.Length;
        return new TickResult(Timings.Of(times), changes / (double)ticks, covered);
    }

    /// <summary>Plans over the terminals' current coverage, with load, battery and speed spread uniformly and a few offline or busy.</summary>
    public PlanResult MeasurePlans(int warmup, int plans, double fraction, int seed)
    {
        var n = _edgeOfTerminal.Length;
        var random = new Random(seed);
        var online = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.97).ToArray();
        var load = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var battery = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var speed = Enumerable.Range(0, n).Select(_ => 20 + random.NextDouble() * 480).ToArray();
        var busy = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.05).ToArray();
        var count = Math.Max(1, (int)Math.Round(fraction * n));
        TerminalStates States() => new(_edgeOfTerminal, online, load, battery, speed, busy);

        var warmupSeed = seed;
        WarmUp(warmup, () => RoundPlanner.Plan(States(), Standard, count, WidthTiers.Default, warmupSeed++));
        GC.Collect();
        var times = new List<double>(plans);
        var stopwatch = new Stopwatch();
        RoundPlan? plan = null;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < plans; i++)
        {
            stopwatch.Restart();
            plan = RoundPlanner.Plan(States(), Standard, count, WidthTiers.Default, warmupSeed + i);
            stopwatch.Stop();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        // The list of timings was sized up front, so the bytes counted here are the planner's own.
        var bytesPerPlan = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / plans;
        return new PlanResult(Timings.Of(times), plan!.Participants.Count, plan.Eligible, bytesPerPlan);
    }

    private static void WarmUp(int runs, Action run)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs || stopwatch.Elapsed < MinWarmup; i++) run();
    }

    private void RunTick()
    {
        _changes.Clear();
        _mobility.Advance(Tick);
        _coverage.Update(_mobility.Xs, _mobility.Ys, _edgeOfTerminal, _changes);
    }
}
