using FedDashboard.Core.Domain.Nodes;

namespace FedDashboard.Core.Hosting.Nodes;

/// <param name="Lease">The running lease; null when nobody leads.</param>
/// <param name="DatabaseNow">The database's time: heartbeats and the lease are judged by it, not by the reader's clock.</param>
public sealed record NodesOverview(IReadOnlyList<ClusterNode> Nodes, LeaderLease? Lease, DateTimeOffset DatabaseNow, TimeSpan GoneAfter)
{
    public bool IsGone(ClusterNode node) => DatabaseNow - node.LastHeartbeat > GoneAfter;

    public bool Leads(ClusterNode node) => Lease?.Holder == node.Name;
}
