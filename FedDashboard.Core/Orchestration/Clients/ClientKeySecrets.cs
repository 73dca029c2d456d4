using FedDashboard.Core.Orchestration.Security;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>
/// A client API key's public id (<c>fck_</c> and 10 readable characters, 50 random bits, unique by index) and its secret,
/// which begins with the id so whoever holds a secret can tell which key it is. The server keeps only its hash.
/// </summary>
internal static class ClientKeySecrets
{
    public const string Prefix = "fck_";

    public static string NewKeyId() => Prefix + Secrets.NewReadable(10);

    /// <summary>E.g. <c>fck_7KQF9XTM2R_Qm9…</c>: the id, then 256 random bits.</summary>
    public static string NewSecret(string keyId) => Secrets.NewToken(keyId + "_");
}
