using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Liveness;

/// <summary>Writes the heartbeats this node received every FlushSeconds.</summary>
public sealed class HeartbeatFlusher(TerminalLiveness liveness, IOptions<TerminalOptions> options, TimeProvider clock, ILogger<HeartbeatFlusher> logger)
    : PeriodicWork(TimeSpan.FromSeconds(options.Value.FlushSeconds), clock, logger)
{
    protected override string What => "Writing the heartbeats received";

    protected override Task RunOnceAsync(CancellationToken ct) => liveness.FlushAsync(ct);
}
