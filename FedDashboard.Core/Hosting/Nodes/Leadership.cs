using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// Takes or renews the leader lease at each heartbeat, unless this node's clock is off the database's by more than the
/// tolerance: then it gives the lease up and refuses to lead, because the work it would lead writes this node's time.
/// </summary>
public sealed class Leadership(LeaseStatements lease, NodeIdentity node, IOptions<NodeOptions> options, TimeProvider clock, ILogger<Leadership> logger)
    : ILeadership
{
    private readonly NodeOptions _options = options.Value;
    private readonly Lock _gate = new();
    private TaskCompletionSource _led = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long? _renewedAt;
    private string? _refusal;

    public bool IsLeader
    {
        get
        {
            lock (_gate) return LeaseRunning();
        }
    }

    public async Task WhenLeaderAsync(CancellationToken ct)
    {
        while (!IsLeader)
        {
            Task led;
            lock (_gate) led = _led.Task;
            // A lease that lapsed unrenewed leaves the signal set: look again once per heartbeat rather than spin.
            var heartbeat = TimeSpan.FromSeconds(_options.HeartbeatSeconds);
            if (led.IsCompleted) await Task.Delay(heartbeat, clock, ct);
            else
            {
                try { await led.WaitAsync(heartbeat, clock, ct); }
                catch (TimeoutException) { }
            }
        }
    }

    /// <returns>Why this node refuses to lead; null when it may (whether it leads or another node does).</returns>
    public async Task<string?> TryLeadAsync(TimeSpan clockOffset, CancellationToken ct)
    {
        // The leader runs the simulated fleet and the sweeps over every edge: work for a full node, not an edge's.
        if (node.Role == NodeRole.Edge) return null;
        var tolerance = TimeSpan.FromSeconds(_options.ClockToleranceSeconds);
        if (clockOffset.Duration() > tolerance)
        {
            var refusal = $"This node's clock is {clockOffset.TotalSeconds:+0.0;-0.0} s off the database's, more than the tolerance of "
                + $"{tolerance.TotalSeconds:0.0#} s (Fed:Node:ClockToleranceSeconds): it refuses leadership until its clock is set right.";
            // Also a lease this node may still hold after its own clock jumped past it: the database's clock decides.
            bool mayHold;
            lock (_gate) mayHold = _renewedAt is not null;
            if (mayHold) await lease.ReleaseAsync(node.Name, ct);
            Set(null);
            if (_refusal is null) logger.LogWarning("{Refusal}", refusal);
            _refusal = refusal;
            return refusal;
        }
        if (_refusal is not null) logger.LogInformation("This node's clock is within {Tolerance} s of the database's again: it may lead.", tolerance.TotalSeconds);
        _refusal = null;
        var sentAt = clock.GetTimestamp();
        Set(await lease.TakeOrRenewAsync(node.Name, TimeSpan.FromSeconds(_options.LeaseSeconds), ct) is null ? null : sentAt);
        return null;
    }

    /// <summary>Gives the lease up (the node is stopping), so another node leads at its next heartbeat.</summary>
    public async Task ResignAsync(CancellationToken ct)
    {
        Set(null);
        await lease.ReleaseAsync(node.Name, ct);
    }

    // Counted from before the renewing statement was sent: the lease in the database cannot end earlier.
    private bool LeaseRunning() => _renewedAt is { } at && clock.GetElapsedTime(at) < TimeSpan.FromSeconds(_options.LeaseSeconds);

    private void Set(long? renewedAt)
    {
        bool was, now;
        lock (_gate)
        {
            was = LeaseRunning();
            _renewedAt = renewedAt;
            now = renewedAt is not null;
            if (now) _led.TrySetResult();
            else if (_led.Task.IsCompleted) _led = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        if (was == now) return;
        logger.LogInformation(now ? "Node {Node} leads the singleton work." : "Node {Node} no longer leads the singleton work.", node.Name);
    }
}
