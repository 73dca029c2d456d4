namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>
/// The stable codes of refused client API calls, in the problem document's <c>code</c>. A key nobody issued and a wrong
/// secret for a real key id are both <see cref="InvalidKey"/>: the answer never tells a stranger which key ids exist.
/// The others are answered only to a caller who holds a whole secret the server once issued.
/// </summary>
public static class ClientKeyErrors
{
    public const string MissingKey = "missing_key";
    public const string InvalidKey = "invalid_key";
    public const string KeyRevoked = "key_revoked";
    public const string KeyExpired = "key_expired";
    public const string ClientSuspended = "client_suspended";
    public const string InsufficientScope = "insufficient_scope";
    public const string RateLimited = "rate_limited";
}
