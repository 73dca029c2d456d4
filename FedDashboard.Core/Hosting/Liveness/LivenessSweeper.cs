using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Liveness;

/// <summary>
/// Takes silent terminals offline. A sweep every quarter heartbeat interval finds a terminal at most that long after its
/// OnlineUntil passed, so a silent trainer's place is given up within about 2¼ intervals of its last heartbeat.
/// </summary>
public sealed class LivenessSweeper(TerminalLiveness liveness, IOptions<TerminalOptions> options, TimeProvider clock, ILogger<LivenessSweeper> logger)
    : PeriodicWork(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds / 4), clock, logger)
{
    protected override string What => "Taking silent terminals offline";

    protected override Task RunOnceAsync(CancellationToken ct) => liveness.SweepAsync(ct);
}
