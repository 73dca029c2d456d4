using FedDashboard.Core.Domain.Refusals;

namespace FedDashboard.Core.Domain.Clients;

/// <summary>
/// A key a client application calls the API with. <see cref="KeyId"/> names it in public (pages, logs, signed callbacks);
/// of the secret only its hash is kept. It works until it expires or is revoked — by an administrator, or by rotation,
/// which issues its successor.
/// </summary>
public sealed class ClientApiKey
{
    private ClientApiKey() => KeyId = SecretHash = CreatedBy = "";

    public ClientApiKey(int clientId, string keyId, string secretHash, ClientKeyScopes scopes, string createdBy, DateTimeOffset createdAt,
        DateTimeOffset? expiresAt, int? replacesId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        if (scopes == ClientKeyScopes.None || (scopes & ~ClientKeyScopes.All) != 0) throw new ArgumentOutOfRangeException(nameof(scopes), scopes, "A key holds known scopes, at least one.");
        if (expiresAt <= createdAt) throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, "A key expires after it is created.");
        ClientId = clientId;
        KeyId = keyId;
        SecretHash = secretHash;
        Scopes = scopes;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        ReplacesId = replacesId;
    }

    public int Id { get; private set; }
    public int ClientId { get; private set; }
    public string KeyId { get; private set; }
    public string SecretHash { get; private set; }
    public ClientKeyScopes Scopes { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>The key this one replaced by rotation.</summary>
    public int? ReplacesId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokeReason { get; private set; }

    /// <summary>When a call last proved itself with it, to the minute (<see cref="LastUseResolution"/>).</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsActiveAt(DateTimeOffset now) => !IsRevoked && !IsExpiredAt(now);

    public bool Has(ClientKeyScopes scopes) => (Scopes & scopes) == scopes;

    public const int RevokeReasonMaxLength = 500;

    /// <summary>A key's last use is written at most this often, so a busy client does not write on every call.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <exception cref="ConflictException">Revoked already.</exception>
    public void Revoke(string by, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (RevokedAt is { } revokedAt)
            throw new ConflictException($"Key {KeyId} was revoked already, by {RevokedBy} at {revokedAt:yyyy-MM-dd HH:mm} UTC ({RevokeReason}).");
        RevokedBy = by;
        RevokeReason = reason.Length <= RevokeReasonMaxLength ? reason : reason[..RevokeReasonMaxLength];
        RevokedAt = at;
    }
}
