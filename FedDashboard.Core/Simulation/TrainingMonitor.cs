using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Terminals;


namespace FedDashboard.Core.Simulation;

/// <summary>
/// The simulated device's side of a local training, called between minibatches: it paces the training to the
/// device's speed, and about every half second (and after the first step) re-reads the participation and the
/// terminal's load to decide whether to go on. Runs on the training thread; one per training, which may run in
/// several pieces of <see cref="LocalTrainer.Train"/> (a swap continues on a narrower model).
/// </summary>
public sealed class TrainingMonitor(
    Func<TerminalCheck> read,
    EdgePolicy policy,
    SimulationOptions simulation,
    HardwareTier tier,
    double width,
    double startLoad,
    TimeProvider clock)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(0.5);

    private double _samplesPerSecond = LocalWorkPlan.PacedSamplesPerSecond(tier, startLoad, simulation);
    private double _width = width;
    private bool _mayReplace = true;
    private long? _lastCheck;

    /// <summary>Set when a check stopped the training.</summary>
    public TrainingInterruption? Interruption { get; private set; }

    /// <summary>Before the next piece: the width it trains, and whether the edge may still replace the terminal.</summary>
    public void Resume(double width, bool mayReplace)
    {
        _width = width;
        _mayReplace = mayReplace;
        Interruption = null;
    }

    /// <param name="progress">Of the current piece.</param>
    public bool ContinueAfter(TrainingProgress progress)
    {
        var elapsed = Pace(progress);
        if (_lastCheck is { } last && clock.GetElapsedTime(last) < CheckInterval) return true;
        _lastCheck = clock.GetTimestamp();
        var check = read();
        _samplesPerSecond = LocalWorkPlan.PacedSamplesPerSecond(tier, check.CpuLoad, simulation);
        Interruption = Decide(check, progress.SamplesSeen / Math.Max(elapsed.TotalSeconds, 1e-6));
        return Interruption is null;
    }

    /// <returns>The training's elapsed time once the device's pace is kept.</returns>
    private TimeSpan Pace(TrainingProgress progress)
    {
        if (_samplesPerSecond <= 0) return progress.Elapsed;
        var due = TimeSpan.FromSeconds(progress.SamplesSeen / _samplesPerSecond);
        if (due <= progress.Elapsed) return progress.Elapsed;
        Thread.Sleep(due - progress.Elapsed);
        return due;
    }

    private TrainingInterruption? Decide(TerminalCheck check, double samplesPerSecond)
    {
        if (check.Status != ParticipantStatus.Training)
            return new TrainingInterruption.Ended($"The participation is {check.Status}.");
        if (_mayReplace && policy.ReplaceBelowSpeed is { } minimum && samplesPerSecond < minimum)
            return new TrainingInterruption.Replace($"Trained at {samplesPerSecond:F0} samples/s, below the edge's reference of {minimum:F0}.");
        if (check.CpuLoad > simulation.SwapAboveLoad && policy.AllowSwaps && NextNarrower(policy, _width) is { } narrower)
            return new TrainingInterruption.Swap(narrower, $"CPU load {check.CpuLoad:P0} is above {simulation.SwapAboveLoad:P0}: asked for the {narrower:0.###} model instead of {_width:0.###}.");
        return null;
    }

    private static double? NextNarrower(EdgePolicy policy, double width) =>
        policy.Tiers.Select(t => t.Width).Where(w => w < width).Order().LastOrDefault() is var w and > 0 ? w : null;
}
