namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>What a presented API key proved: a <see cref="Client"/>, or a refusal with its stable <see cref="Code"/> (<see cref="ClientKeyErrors"/>).</summary>
public sealed record ClientKeyOutcome(AuthenticatedClient? Client, string? Code, string? Message)
{
    public static ClientKeyOutcome Proved(AuthenticatedClient client) => new(client, null, null);

    public static ClientKeyOutcome Refused(string code, string message) => new(null, code, message);
}
