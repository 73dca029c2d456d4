namespace FedDashboard.Core.Domain.Clients;

/// <summary>A client API key as the audit log records it before and after each step; never the secret or its hash.</summary>
public sealed record ClientApiKeyState(int Id, int ClientId, string KeyId, ClientKeyScopes Scopes, DateTimeOffset? ExpiresAt, int? ReplacesId,
    DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokeReason)
{
    public static ClientApiKeyState Of(ClientApiKey k) => new(k.Id, k.ClientId, k.KeyId, k.Scopes, k.ExpiresAt, k.ReplacesId, k.RevokedAt, k.RevokedBy, k.RevokeReason);
}
