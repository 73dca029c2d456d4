namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// What every terminal call passes first, over the network and in process alike: the credential must be one the edge
/// issued and nobody revoked, and the terminal within its rate. Counts each refusal per terminal and code.
/// </summary>
public sealed class TerminalGate
{
    /// <summary>Throws <c>TerminalProtocolException</c> (unauthenticated, credential_revoked, rate_limited).</summary>
    public Task<AuthenticatedTerminal> AuthenticateAsync(string? credential, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>Counts a refusal of <paramref name="terminalId"/>'s call with <paramref name="code"/>; shown on the terminal's page.</summary>
    public Task CountRefusalAsync(int terminalId, string code, string message, CancellationToken ct) => throw new NotImplementedException();
}
