namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>The terminal a call's credential proved, and which of its credentials proved it.</summary>
public sealed record AuthenticatedTerminal(int TerminalId, int CredentialId);
