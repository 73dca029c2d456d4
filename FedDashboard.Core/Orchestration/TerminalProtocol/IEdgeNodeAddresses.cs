namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>The URL of the live node started for an edge (its edge node), for the edge's terminals to call.</summary>
public interface IEdgeNodeAddresses
{
    /// <returns>The edge node's public URL; null when the edge has no live edge node that says where terminals reach it.</returns>
    string? UrlOf(int edgeId);
}
