using FedDashboard.Core.Options;
using FedDashboard.Core.Topology;

namespace FedDashboard.Core.Strategies;

/// <summary>The edge asks every terminal in its coverage; each may decline (busy, low battery).</summary>
public sealed class EdgeAsks(FleetOptions fleet) : IAvailability
{
    public bool IsCandidate(Terminal terminal) => true;

    public string? DeclineReason(Terminal terminal) => TerminalAvailability.DeclineReason(terminal, fleet);
}
