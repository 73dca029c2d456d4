using System.Diagnostics.Metrics;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Simulation;

namespace FedDashboard.Tests.Core.Simulation;

public sealed class TrainingCpuTimeTests
{
    [Fact]
    public void ThreadCpuClock_WhileTheThreadSleeps_BarelyMoves()
    {
        var before = ThreadCpuClock.Now()!.Value;
        Thread.Sleep(300);
        Assert.InRange((ThreadCpuClock.Now()!.Value - before).TotalMilliseconds, 0, 50);
    }

    [Fact]
    public void Measure_RecordsTheCpuTimeTheTrainingUsed_UnderItsJob()
    {
        const int jobId = 987_654_321;
        List<double> recorded = [];
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == RoundTelemetry.TrainingCpuTimeName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: RoundTelemetry.JobTag, Value: jobId }) lock (recorded) recorded.Add(seconds);
        });
        listener.Start();

        var result = TrainingCpuTime.Measure(jobId, () => BusyFor(TimeSpan.FromMilliseconds(200)));

        Assert.Equal("done", result);
        var seconds = Assert.Single(recorded);
        Assert.InRange(seconds, 0.2, 30);
    }

    // Works until the thread's own CPU clock moved by the given time, however long the machine makes that take; a clock
    // that never moves stops it after a bounded number of steps, and the assertion on the recorded time fails.
    private static string BusyFor(TimeSpan cpu)
    {
        var start = ThreadCpuClock.Now()!.Value;
        var sum = 0.0;
        for (var step = 0; step < 500_000_000 && ThreadCpuClock.Now()!.Value - start < cpu; step++) sum += Math.Sqrt(sum + 1);
        return sum > 0 ? "done" : "none";
    }
}
