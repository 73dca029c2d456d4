using System.Globalization;
using System.Security.Claims;

namespace FedDashboard.Security;

/// <summary>
/// The claims of a call authenticated by a client API key. The principal's name is the key's public id, so a refusal
/// recorded for the call names the key, never a user.
/// </summary>
public static class ClientKeyClaims
{
    public const string ClientId = "fed:client_id";
    public const string ClientName = "fed:client_name";
    public const string ApiKeyId = "fed:api_key_id";

    /// <summary>One claim per scope the key holds, valued by the scope's name (<see cref="Core.Domain.Clients.ClientScopes.Names"/>).</summary>
    public const string Scope = "fed:scope";

    /// <summary>The calling client's id, from a principal the client key scheme authenticated.</summary>
    public static int ClientIdOf(ClaimsPrincipal user) =>
        int.Parse(user.FindFirst(ClientId)?.Value ?? throw new InvalidOperationException("The caller was not authenticated by a client key."), CultureInfo.InvariantCulture);
}
