using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Liveness;

/// <summary>
/// Takes silent terminals offline. A sweep every quarter heartbeat interval finds a terminal at most that long after its
/// OnlineUntil passed, so a silent trainer's place is given up within about 2¼ intervals of its last heartbeat.
/// Only the leading node sweeps: two sweeps at once would judge the same terminals and end their participations twice.
/// </summary>
public sealed class LivenessSweeper(TerminalLiveness liveness, ILeadership leadership, IOptions<TerminalOptions> options, TimeProvider clock,
    ILogger<LivenessSweeper> logger)
    : PeriodicWork(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds / 4), clock, logger)
{
    protected override string What => "Taking silent terminals offline";

    protected override Task RunOnceAsync(CancellationToken ct) => leadership.IsLeader ? liveness.SweepAsync(ct) : Task.CompletedTask;
}
