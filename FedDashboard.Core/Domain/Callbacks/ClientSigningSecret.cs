using FedDashboard.Core.Domain.Refusals;

namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>
/// The secret a client's callbacks are signed with, encrypted at rest (<see cref="ProtectedSecret"/>). A client has one
/// current secret; rotation retires it. An administrator is shown a secret once, to hand it to the client.
/// </summary>
public sealed class ClientSigningSecret
{
    private ClientSigningSecret() => KeyId = ProtectedSecret = CreatedBy = "";

    public ClientSigningSecret(int clientId, string keyId, string protectedSecret, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedSecret);
        ClientId = clientId;
        KeyId = keyId;
        ProtectedSecret = protectedSecret;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int ClientId { get; private set; }

    /// <summary>Sent as fed-key-id with each callback, so a receiver knows which secret to check with.</summary>
    public string KeyId { get; private set; }

    /// <summary>The whsec_ secret encrypted by ASP.NET Core Data Protection; never the secret itself.</summary>
    public string ProtectedSecret { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ShownAt { get; private set; }
    public string? ShownTo { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <exception cref="ConflictException">It was shown already: the one way to a secret the administrator can see is a new one.</exception>
    public void Show(string to, DateTimeOffset at)
    {
        if (ShownAt is { } shown)
            throw new ConflictException($"The signing secret {KeyId} was shown to {ShownTo} at {shown:yyyy-MM-dd HH:mm} UTC and is not shown again; rotate it for a new one.");
        ShownAt = at;
        ShownTo = to;
    }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;
}
