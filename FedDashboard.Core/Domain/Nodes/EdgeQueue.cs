namespace FedDashboard.Core.Domain.Nodes;

/// <summary>The Hangfire queue of one edge's work. By the edge's id: Hangfire allows only [a-z0-9_-] in a queue's name, an edge's name may hold more.</summary>
public static class EdgeQueue
{
    public static string Of(int edgeId) => $"edge-{edgeId}";
}
