using FedDashboard.Core.Domain.Nodes;

namespace FedDashboard.Core.Hosting.Nodes;

/// <param name="Lease">The running lease; null when nobody leads.</param>
/// <param name="DatabaseNow">The database's time: heartbeats and the lease are judged by it, not by the reader's clock.</param>
/// <param name="SilentAfter">Two heartbeats: a node this late has missed one beat at least, and another.</param>
public sealed record NodesOverview(IReadOnlyList<ClusterNode> Nodes, LeaderLease? Lease, DateTimeOffset DatabaseNow, TimeSpan GoneAfter, TimeSpan SilentAfter)
{
    public NodeState StateOf(ClusterNode node) => (DatabaseNow - node.LastHeartbeat) switch
    {
        var late when late > GoneAfter => NodeState.Gone,
        var late when late > SilentAfter => NodeState.Silent,
        _ => NodeState.Alive,
    };

    public bool Leads(ClusterNode node) => Lease?.Holder == node.Name;
}
