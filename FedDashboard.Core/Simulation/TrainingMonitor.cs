using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// The simulated device's side of a local training, called between minibatches: it paces the training to the
/// device's speed, and about every half second (and after the first step) reports its progress to the edge, which
/// answers whether to go on (it hands a slow terminal's place to a standby, or ends a participation), and asks for a
/// lighter model while the device's load is high. Runs on the training thread; one per training, which may run in
/// several pieces of <see cref="LocalTrainer.Train"/> (a swap continues on a narrower model).
/// </summary>
public sealed class TrainingMonitor(
    ITerminalChannel channel,
    string credential,
    int assignmentId,
    Func<double> readLoad,
    SimulationOptions simulation,
    HardwareTier tier,
    double startLoad,
    TimeProvider clock,
    CancellationToken ct)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(0.5);

    private double _samplesPerSecond = LocalWorkPlan.PacedSamplesPerSecond(tier, startLoad, simulation);
    private bool _noLighterModel;
    private long? _lastCheck;
    private (int Steps, int Samples) _before;

    /// <summary>Set when a check stopped the training.</summary>
    public TrainingInterruption? Interruption { get; private set; }

    /// <summary>Before the next piece: the steps and samples of the pieces before it, which the progress reports include.</summary>
    public void Resume(int stepsBefore, int samplesBefore)
    {
        _before = (stepsBefore, samplesBefore);
        Interruption = null;
    }

    /// <param name="progress">Of the current piece.</param>
    public bool ContinueAfter(TrainingProgress progress)
    {
        var elapsed = Pace(progress);
        if (_lastCheck is { } last && clock.GetElapsedTime(last) < CheckInterval) return true;
        _lastCheck = clock.GetTimestamp();
        var load = readLoad();
        _samplesPerSecond = LocalWorkPlan.PacedSamplesPerSecond(tier, load, simulation);
        Interruption = Check(load, new ProgressReport(
            _before.Steps + progress.Steps, _before.Samples + progress.SamplesSeen, progress.SamplesSeen / Math.Max(elapsed.TotalSeconds, 1e-6), load));
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

    // The training thread waits for the edge's answers: the training loop stays synchronous inside its dispose scope.
    private TrainingInterruption? Check(double load, ProgressReport report)
    {
        try
        {
            var reply = channel.ReportProgressAsync(credential, assignmentId, report, ct).GetAwaiter().GetResult();
            if (reply.Action == ProgressReply.Stop) return new TrainingInterruption.Ended(reply.Reason ?? "The edge stopped the training.");
            if (_noLighterModel || !(load > simulation.SwapAboveLoad)) return null;
            var reason = $"CPU load {load:P0} is above {simulation.SwapAboveLoad:P0}.";
            var lighter = channel.RequestLighterModelAsync(credential, assignmentId, new LighterModelRequest(reason), ct).GetAwaiter().GetResult();
            return new TrainingInterruption.Swap(lighter.Width, $"{reason} {lighter.Message}");
        }
        catch (TerminalProtocolException refused) when (refused.Code == ProtocolError.NoLighterModel)
        {
            _noLighterModel = true;
            return null;
        }
        catch (TerminalProtocolException refused) when (refused.Code == ProtocolError.AssignmentClosed)
        {
            return new TrainingInterruption.Ended(refused.Message);
        }
    }
}
