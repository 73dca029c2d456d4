namespace FedDashboard.Core.Domain.Enrolment;

/// <summary>A terminal's credential as the audit log records it before and after a revocation; never the secret or its hash.</summary>
public sealed record TerminalCredentialState(int Id, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokeReason)
{
    public static TerminalCredentialState Of(TerminalCredential c) => new(c.Id, c.IssuedAt, c.RevokedAt, c.RevokedBy, c.RevokeReason);
}
