using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>
/// Inside the assigning edge's coverage, or inside another edge's when the assigning edge's departure rule lets a
/// terminal that moved finish through the edge it is in now.
/// </summary>
public sealed class LocationCriterion : ICriterion<TerminalEvidence>
{
    public string? Rejects(TerminalEvidence evidence)
    {
        var (terminal, edge) = (evidence.Terminal, evidence.Edge);
        if (terminal.EdgeId == edge.Id || edge.Covers(terminal.PositionX, terminal.PositionY)) return null;
        if (edge.Policy.OnDeparture != DepartureRule.FinishThroughNewEdge)
            return $"Outside {edge.Name}'s coverage, and {edge.Name} takes no result through another edge";
        return terminal.InCoverage ? null : "Outside every edge's coverage";
    }
}
