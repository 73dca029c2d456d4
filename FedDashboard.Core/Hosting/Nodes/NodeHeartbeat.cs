using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Hosting.Liveness;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// Every HeartbeatSeconds: measures the clock against the database's, takes or renews the leader lease, and writes the
/// node's row. The first beat runs while the host starts, before the singleton work's services: a lone node leads at once.
/// Stopping gives the lease up, so another node leads at its next beat.
/// </summary>
public sealed class NodeHeartbeat(
    DatabaseClock databaseClock, Leadership leadership, NodeRegistry registry, ServedQueues served, EdgeNodeAddresses edgeNodes, LoneNodeCheck lone,
    IOptions<NodeOptions> options,
    TimeProvider clock, ILogger<NodeHeartbeat> logger)
    : PeriodicWork(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), clock, logger)
{
    protected override string What => "The node's heartbeat";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunOnceAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The node's first heartbeat failed; the next one tries again.");
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leadership.ResignAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's stop ran out of time (a loaded machine): stopping goes on, the lease simply runs out.
            logger.LogWarning("The stop's time ran out before the leader lease was given up; another node leads once it expires.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not give the leader lease up; another node leads once it expires.");
        }
    }

    protected override Task RunOnceAsync(CancellationToken ct) => BeatAsync(ct);

    /// <summary>One heartbeat: measure the clock, take or renew the lease, write the node's row, read which queues the live edge nodes serve and where the live edge nodes are (and whether a node started alone is).</summary>
    /// <returns>Why the node refuses leadership, or null.</returns>
    public async Task<string?> BeatAsync(CancellationToken ct)
    {
        var offset = await databaseClock.OffsetAsync(ct);
        var refusal = await leadership.TryLeadAsync(offset, ct);
        var live = await registry.BeatAsync(offset, refusal, ct);
        served.Update(live.Where(n => n.Role == NodeRole.Edge).SelectMany(n => n.Queues));
        edgeNodes.Update(live);
        lone.See(live);
        return refusal;
    }
}
