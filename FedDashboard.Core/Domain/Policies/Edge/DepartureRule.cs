namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>What happens to a terminal that leaves its edge's coverage while training.</summary>
public enum DepartureRule
{
    /// <summary>It stops; its partial result is discarded and recorded as departed.</summary>
    Discard,

    /// <summary>It finishes and reports through the edge whose coverage it is in now; outside every coverage it is discarded.</summary>
    FinishThroughNewEdge,
}
