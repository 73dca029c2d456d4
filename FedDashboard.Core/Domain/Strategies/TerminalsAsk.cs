using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>Only terminals that asked the edge for work are considered; having asked, they do not decline.</summary>
public sealed class TerminalsAsk : IAvailability
{
    public bool IsCandidate(Terminal terminal) => terminal.WorkRequestedAt is not null;

    public string? DeclineReason(Terminal terminal) => null;
}
