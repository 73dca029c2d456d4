using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>What the edge answered to a terminal's upload.</summary>
public sealed record UpdateOutcome(bool Accepted, string Message)
{
    public static UpdateOutcome Accept(string message) => new(true, message);

    public static UpdateOutcome Reject(string reason) => new(false, reason);
}
