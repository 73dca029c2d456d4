using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.Training;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// The Hangfire queues the live nodes serve, as the last heartbeat read them from the registry. An edge's work goes to
/// its own queue only while some live node serves it (its edge node, or a full node that took it over); otherwise it
/// stays with the central steps (a host without full nodes' takeover or whose heartbeat does not run). Thread-safe.
/// </summary>
public sealed class ServedQueues : IEdgeQueues
{
    private volatile Served _served = new(new HashSet<string>(), new HashSet<string>());

    /// <param name="queues">The queues the live nodes serve.</param>
    /// <param name="byEdgeNodes">Of those, the ones the live edge nodes serve.</param>
    public void Update(IEnumerable<string> queues, IEnumerable<string> byEdgeNodes) => _served = new(queues.ToHashSet(), byEdgeNodes.ToHashSet());

    public bool IsServed(int edgeId) => _served.Queues.Contains(EdgeQueue.Of(edgeId));

    public bool HasEdgeNode(int edgeId) => _served.ByEdgeNodes.Contains(EdgeQueue.Of(edgeId));

    // One object, so a reader never sees one set from a heartbeat and the other from the next.
    private sealed record Served(IReadOnlySet<string> Queues, IReadOnlySet<string> ByEdgeNodes);
}
