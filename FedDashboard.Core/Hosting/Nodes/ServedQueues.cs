using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.Training;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// The edge queues the live edge nodes serve, as the last heartbeat read them from the registry. An edge's work goes to
/// its own queue only while its edge node lives; otherwise it stays with the central steps and the training queue, which
/// every full node serves (also in a host whose heartbeat does not run). Thread-safe.
/// </summary>
public sealed class ServedQueues : IEdgeQueues
{
    private volatile IReadOnlySet<string> _byEdgeNodes = new HashSet<string>();

    public void Update(IEnumerable<string> byEdgeNodes) => _byEdgeNodes = byEdgeNodes.ToHashSet();

    public bool HasEdgeNode(int edgeId) => _byEdgeNodes.Contains(EdgeQueue.Of(edgeId));
}
