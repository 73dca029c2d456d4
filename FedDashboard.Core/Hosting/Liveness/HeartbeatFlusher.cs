using System.Diagnostics;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Liveness;

/// <summary>Writes the heartbeats this node received every FlushSeconds; says so when a flush takes longer than that.</summary>
public sealed class HeartbeatFlusher(TerminalLiveness liveness, IOptions<TerminalOptions> options, TimeProvider clock, ILogger<HeartbeatFlusher> logger)
    : PeriodicWork(TimeSpan.FromSeconds(options.Value.FlushSeconds), clock, logger)
{
    protected override string What => "Writing the heartbeats received";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await liveness.FlushAsync(ct);
        var took = Stopwatch.GetElapsedTime(started);
        if (took.TotalSeconds > options.Value.FlushSeconds)
            Logger.LogWarning("A heartbeat flush took {Seconds:0.000} s, more than the {Interval} s between flushes: heartbeats wait longer to be written.",
                took.TotalSeconds, options.Value.FlushSeconds);
    }
}
