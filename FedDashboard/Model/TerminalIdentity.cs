using FedDashboard.Core.Domain.Enrolment;

namespace FedDashboard.Model;

/// <summary>How many of a terminal's calls the edge refused with one error code, and the latest one.</summary>
public sealed record RefusedCallsRow(string Code, long Count, DateTimeOffset LastAt, string LastMessage);

/// <summary>
/// A terminal's credential as its page shows it: the active one if any, else the one revoked last; neither for a terminal
/// that never enrolled.
/// </summary>
public sealed record TerminalIdentity(TerminalCredentialState? Active, TerminalCredentialState? LastRevoked, IReadOnlyList<RefusedCallsRow> Refusals)
{
    public bool CanRevoke => Active is not null;

    public string CredentialText => Active is { } active ? $"Active since {Instant(active.IssuedAt)}"
        : LastRevoked is { RevokedAt: { } at } revoked ? $"Revoked {Instant(at)} by {revoked.RevokedBy}: {revoked.RevokeReason}"
        : "None: the terminal has not enrolled";

    private static string Instant(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss");
}
