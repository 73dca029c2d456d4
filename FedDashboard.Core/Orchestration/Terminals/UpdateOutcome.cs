namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>What the edge answered to a terminal's upload; a refusal carries its protocol error code.</summary>
public sealed record UpdateOutcome(bool Accepted, string Message, string? Code = null)
{
    public static UpdateOutcome Accept(string message) => new(true, message);

    public static UpdateOutcome Reject(string code, string reason) => new(false, reason, code);
}
