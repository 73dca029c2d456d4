using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// Which Hangfire queues this node serves, decided at start once the edges are on the database (the fleet seeder creates
/// them first): a full node serves the round steps, training, callbacks and the queue of every edge there is at its
/// start; an edge node only its edge's queue. Edges added later are served through <see cref="ServedQueues"/>'s fallback.
/// </summary>
public sealed class NodePlacement(IDbContextFactory<FedDbContext> dbFactory, IOptions<NodeOptions> options)
{
    public static readonly string[] CentralQueues = ["default", TrainParticipantJob.Queue, DeliverCallbackJob.Queue];

    private IReadOnlyList<string>? _queues;

    public IReadOnlyList<string> Queues => _queues ?? throw new InvalidOperationException("The node's queues are known once FedStartup has placed the node.");

    /// <summary>The queues of the edges this node serves (a full node's: every edge's at its start).</summary>
    public IReadOnlyList<string> EdgeQueues => [.. Queues.Where(q => !CentralQueues.Contains(q))];

    /// <exception cref="StartupException">An edge node names an edge that is not on the database.</exception>
    public async Task PlaceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        if (!options.Value.IsEdge)
        {
            _queues = [.. CentralQueues, .. edges.Select(e => EdgeQueue.Of(e.Id))];
            return;
        }
        var name = options.Value.Edge!.Trim();
        var edge = edges.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new StartupException($"Fed:Node:Edge (--edge) names '{name}', which is not an edge on this database; its edges are: "
                + (edges.Count == 0 ? "none" : string.Join(", ", edges.Select(e => e.Name))) + ".");
        _queues = [EdgeQueue.Of(edge.Id)];
    }
}
