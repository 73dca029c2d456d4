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
    private volatile IReadOnlySet<string> _queues = new HashSet<string>();

    public void Update(IEnumerable<string> queues) => _queues = queues.ToHashSet();

    public bool IsServed(int edgeId) => _queues.Contains(EdgeQueue.Of(edgeId));
}
