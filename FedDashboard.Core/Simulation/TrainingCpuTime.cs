using FedDashboard.Core.Orchestration.Telemetry;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// Records the CPU time of one simulated terminal's local training. libtorch runs a training's operations on the thread
/// that calls it (one intra-op thread per training slot, see FedStartup), so the thread's CPU clock measures the
/// training alone.
/// </summary>
internal static class TrainingCpuTime
{
    public static T Measure<T>(int jobId, Func<T> training)
    {
        var before = ThreadCpuClock.Now();
        try
        {
            return training();
        }
        finally
        {
            if (before is { } start && ThreadCpuClock.Now() is { } end)
                RoundTelemetry.TrainingCpuTime.Record((end - start).TotalSeconds, new KeyValuePair<string, object?>(RoundTelemetry.JobTag, jobId));
        }
    }
}
