using FedDashboard.Core.Domain.Refusals;

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

    public const int MaxReasonLength = 500;

    /// <summary>The credential stops working; <paramref name="by"/> and <paramref name="reason"/> say who and why on the terminal's page.</summary>
    /// <exception cref="ConflictException">Revoked already.</exception>
    public void Revoke(string by, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsRevoked) throw new ConflictException($"Credential {Id} of terminal {TerminalId} was revoked already, by {RevokedBy}.");
        RevokedAt = at;
        RevokedBy = by;
        RevokeReason = reason;
    }
}
