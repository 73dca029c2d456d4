using FedDashboard.Core.Orchestration.Security;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The secrets of terminal identity: credentials (256 random bits) and enrolment codes (80 random bits, in groups a
/// person can type). The server keeps only <see cref="Hash"/> of either.
/// </summary>
public static class TerminalSecrets
{
    private const string CredentialPrefix = "fdt_";

    public static string NewCredential() => Secrets.NewToken(CredentialPrefix);

    /// <summary>A simulated terminal's credential, which every node computes alike from the fleet's key (see <see cref="FleetCredentialKey"/>).</summary>
    /// <param name="issuedAt">When it was issued, to the millisecond: a re-issued credential differs from the one it replaces.</param>
    public static string DerivedCredential(byte[] fleetKey, int terminalId, DateTimeOffset issuedAt) =>
        Secrets.Derived(CredentialPrefix, fleetKey, $"{terminalId}:{issuedAt.ToUnixTimeMilliseconds()}");

    /// <summary>E.g. <c>K7QF-9XTM-2RBD-H4WZ</c>.</summary>
    public static string NewEnrolmentCode() => string.Join('-', Secrets.NewReadable(16).Chunk(4).Select(group => new string(group)));

    /// <summary>An enrolment code as typed, in capitals and without separators or spaces, so "k7qf 9xtm…" matches.</summary>
    public static string NormalizeCode(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>SHA-256 as lowercase hex; a credential or a normalized code.</summary>
    public static string Hash(string secret) => Secrets.Hash(secret);

    /// <summary>The last characters of a code, shown on the page to tell codes apart.</summary>
    public static string HintOf(string code) => NormalizeCode(code)[^4..];
}
