using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>
/// Times live events from one node's publisher to a subscriber of another node's feed (both in this process, so one
/// clock): one probe at a time, each sent once the previous arrived, with no batching interval on the subscriber. A
/// probe is a <see cref="JobChanged"/> of no job, marked by its reason.
/// </summary>
internal static class LiveLatencyProbe
{
    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(10);

    /// <returns>Each probe's latency in milliseconds.</returns>
    public static async Task<List<double>> MeasureAsync(ILivePublisher from, LiveFeed to, int probes)
    {
        var marker = $"latency-probe-{Guid.NewGuid():N}";
        TaskCompletionSource<long>? arrival = null;
        using var subscription = to.Subscribe(batch =>
        {
            var arrived = Stopwatch.GetTimestamp();
            if (batch.Any(e => e is JobChanged { Reason: var reason } && reason == marker)) Volatile.Read(ref arrival)?.TrySetResult(arrived);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        var milliseconds = new List<double>(probes);
        for (var i = 0; i < probes; i++)
        {
            var next = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref arrival, next);
            var sent = Stopwatch.GetTimestamp();
            await from.PublishAsync(new JobChanged(0, JobStatus.Running, marker, DateTimeOffset.UtcNow));
            var arrived = await next.Task.WaitAsync(ArrivalLimit);
            milliseconds.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
        }
        return milliseconds;
    }
}
