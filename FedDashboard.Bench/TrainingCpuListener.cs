using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FedDashboard.Core.Orchestration.Telemetry;

namespace FedDashboard.Bench;

/// <summary>Sums the CPU time of the simulated trainings of this process, by job, from the product's metric.</summary>
internal sealed class TrainingCpuListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<int, double> _secondsByJob = new();

    public TrainingCpuListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RoundTelemetry.Name && instrument.Name == RoundTelemetry.TrainingCpuTimeName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: RoundTelemetry.JobTag, Value: int jobId }) _secondsByJob.AddOrUpdate(jobId, seconds, (_, sum) => sum + seconds);
        });
        _listener.Start();
    }

    /// <summary>Null when the system gave no CPU clock (only Linux does, see ThreadCpuClock).</summary>
    public double? SecondsOf(int jobId) => _secondsByJob.TryGetValue(jobId, out var seconds) ? seconds : null;

    public void Dispose() => _listener.Dispose();
}
