using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>How an edge finds terminals willing to train.</summary>
public enum AvailabilityMode
{
    /// <summary>The edge asks terminals in its coverage; each may decline (busy, low battery).</summary>
    EdgeAsks,

    /// <summary>Only terminals that asked the edge for work are considered.</summary>
    TerminalsAsk,
}
