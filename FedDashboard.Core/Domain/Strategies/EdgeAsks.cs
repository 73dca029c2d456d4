using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>The edge asks every terminal in its coverage; each may decline (busy, low battery).</summary>
public sealed class EdgeAsks(DeclineThresholds thresholds) : IAvailability
{
    public bool IsCandidate(Terminal terminal) => true;

    public string? DeclineReason(Terminal terminal) => TerminalAvailability.DeclineReason(terminal, thresholds);
}
