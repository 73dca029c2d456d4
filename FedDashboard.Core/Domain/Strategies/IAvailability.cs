using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>How an edge finds terminals willing to train: who it considers, and what each says when asked.</summary>
public interface IAvailability
{
    bool IsCandidate(Terminal terminal);

    /// <returns>Null when the terminal trains; otherwise why it declines.</returns>
    string? DeclineReason(Terminal terminal);
}
