namespace FedDashboard.Core.Domain.Nodes;

/// <summary>What a node serves. Every node does everything for now; an edge node will serve only its edge's queue.</summary>
public enum NodeRole
{
    All,
}
