using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Hosting.Liveness;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// On a full node, every heartbeat: serves the queue of each edge that has no live edge node (heartbeat within
/// GoneAfterSeconds), and stops serving it once one lives, so an edge node alone takes its edge's work while it lives.
/// A Hangfire server's queues are fixed, so the edges' queues get a server of their own, replaced when the set changes;
/// the jobs the old one was running are cancelled and go back to their queues, where the new one or the edge node
/// takes them at once.
/// </summary>
public sealed class EdgeQueueTakeover(
    IDbContextFactory<FedDbContext> dbFactory,
    TakenOverQueues taken,
    NodeIdentity node,
    JobStorage storage,
    JobActivator activator,
    IJobFilterProvider filters,
    IOptions<NodeOptions> options,
    IOptions<OrchestrationOptions> orchestration,
    TimeProvider clock,
    ILogger<EdgeQueueTakeover> logger)
    : PeriodicWork(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), clock, logger)
{
    private BackgroundJobServer? _server;

    protected override string What => "Taking over the queues of edges without an edge node";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunOnceAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{What} failed at the node's start; the next heartbeat tries again.", What);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ReplaceAsync([]);
    }

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var orphaned = await OrphanedQueuesAsync(ct);
        if (orphaned.SequenceEqual(taken.Queues)) return;
        logger.LogInformation("Node {Node} serves the edge queues {Queues} (edges without a live edge node); before: {Before}.",
            node.Name, orphaned.Count == 0 ? "none" : string.Join(", ", orphaned), taken.Queues.Count == 0 ? "none" : string.Join(", ", taken.Queues));
        await ReplaceAsync(orphaned);
    }

    /// <summary>The queues of every edge on the database but those a live edge node lists, in edge order.</summary>
    private async Task<IReadOnlyList<string>> OrphanedQueuesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var goneAfter = TimeSpan.FromSeconds(options.Value.GoneAfterSeconds);
        var edgeRole = nameof(NodeRole.Edge);
        var served = await db.Database.SqlQuery<string>($"""
            SELECT DISTINCT unnest("Queues") AS "Value" FROM "ClusterNodes" WHERE "Role" = {edgeRole} AND "LastHeartbeat" >= now() - {goneAfter}
            """).ToListAsync(ct);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        return [.. edges.Select(EdgeQueue.Of).Except(served)];
    }

    private async Task ReplaceAsync(IReadOnlyList<string> queues)
    {
        // The node's row lists a queue only while a server of this node fetches it: a queue let go leaves the list before
        // its server stops, a queue taken over joins it once its server has started.
        taken.Set([.. taken.Queues.Intersect(queues)]);
        if (_server is { } old)
        {
            _server = null;
            // Blocks until its workers have put their interrupted jobs back (Hangfire's ShutdownTimeout at most).
            await Task.Run(old.Dispose);
        }
        if (queues.Count > 0)
        {
            _server = new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = $"{node.Name}:edges",
                Queues = [.. queues],
                WorkerCount = orchestration.Value.QueueWorkers,
                Activator = activator,
                FilterProvider = filters,
            }, storage);
        }
        taken.Set(queues);
    }
}
