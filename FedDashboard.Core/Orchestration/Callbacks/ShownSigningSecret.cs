namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>A client's signing secret in the clear, in the one answer that shows it.</summary>
public sealed record ShownSigningSecret(int ClientId, string KeyId, string Secret, DateTimeOffset CreatedAt);
