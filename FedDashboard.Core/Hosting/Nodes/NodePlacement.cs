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
/// Which Hangfire queues this node serves from its start, decided once the edges are on the database (the fleet seeder
/// creates them first): a full node the round steps, training and callbacks (and, at run time, the queues of edges
/// without an edge node: <see cref="EdgeQueueTakeover"/>); an edge node only its edge's queue.
/// </summary>
public sealed class NodePlacement(IDbContextFactory<FedDbContext> dbFactory, IOptions<NodeOptions> options)
{
    public static readonly string[] CentralQueues = ["default", TrainParticipantsJob.Queue, DeliverCallbackJob.Queue];

    private IReadOnlyList<string>? _queues;

    public IReadOnlyList<string> Queues => _queues ?? throw new InvalidOperationException("The node's queues are known once FedStartup has placed the node.");

    /// <exception cref="StartupException">An edge node names an edge that is not on the database.</exception>
    public async Task PlaceAsync(CancellationToken ct)
    {
        if (!options.Value.IsEdge)
        {
            _queues = CentralQueues;
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var name = options.Value.Edge!.Trim();
        var edge = edges.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new StartupException($"Fed:Node:Edge (--edge) names '{name}', which is not an edge on this database; its edges are: "
                + (edges.Count == 0 ? "none" : string.Join(", ", edges.Select(e => e.Name))) + ".");
        _queues = [EdgeQueue.Of(edge.Id)];
    }
}
