namespace FedDashboard.Core.Domain.Enrolment;

/// <summary>
/// A secret a terminal proves itself with on every call. Only its hash is kept. It works until revoked by an operator
/// or replaced by the terminal's rotation.
/// </summary>
public sealed class TerminalCredential
{
    private TerminalCredential() => SecretHash = "";

    public TerminalCredential(int terminalId, string secretHash, DateTimeOffset issuedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretHash);
        TerminalId = terminalId;
        SecretHash = secretHash;
        IssuedAt = issuedAt;
    }

    public int Id { get; private set; }
    public int TerminalId { get; private set; }
    public string SecretHash { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Who revoked it: an operator's name, or "rotation" when the terminal replaced it.</summary>
    public string? RevokedBy { get; private set; }

    public string? RevokeReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Who revoked a credential the terminal replaced itself.</summary>
    public const string Rotation = "rotation";

    public const int RevokeReasonMaxLength = 500;

    /// <param name="by">An operator's name, or <see cref="Rotation"/>.</param>
    public void Revoke(string by, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsRevoked) throw new InvalidOperationException($"Credential {Id} was already revoked at {RevokedAt:u}.");
        RevokedBy = by;
        RevokeReason = reason.Length <= RevokeReasonMaxLength ? reason : reason[..RevokeReasonMaxLength];
        RevokedAt = at;
    }
}
