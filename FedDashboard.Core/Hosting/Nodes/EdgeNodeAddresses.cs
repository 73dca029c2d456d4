using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.TerminalProtocol;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// Where the live edge nodes are, as the last heartbeat read them from the registry: the answers to terminals' heartbeats
/// come from here, not from a query per call. Thread-safe.
/// </summary>
public sealed class EdgeNodeAddresses : IEdgeNodeAddresses
{
    private volatile IReadOnlyDictionary<string, string> _byQueue = new Dictionary<string, string>();

    /// <param name="live">The live nodes; of two live edge nodes of one edge (a restart under a new name) the first by name is named.</param>
    public void Update(IEnumerable<ClusterNode> live) =>
        _byQueue = live.Where(n => n.Role == NodeRole.Edge && n.PublicUrl is not null)
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .SelectMany(n => n.Queues.Select(queue => (Queue: queue, Url: n.PublicUrl!)))
            .DistinctBy(q => q.Queue)
            .ToDictionary(q => q.Queue, q => q.Url);

    public string? UrlOf(int edgeId) => _byQueue.GetValueOrDefault(EdgeQueue.Of(edgeId));
}
