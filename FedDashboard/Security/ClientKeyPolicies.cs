using FedDashboard.Core.Domain.Clients;
using Microsoft.AspNetCore.Authorization;

namespace FedDashboard.Security;

/// <summary>
/// The client API's authorization policies: <see cref="AnyKey"/> admits any valid key; the others a key holding one
/// scope. Each authenticates by the client key scheme alone, so no sign-in cookie ever reaches a client endpoint.
/// </summary>
public static class ClientKeyPolicies
{
    public const string AnyKey = "client";
    public const string Submit = "client:submit";
    public const string Read = "client:read";
    public const string Download = "client:download";

    private static readonly Dictionary<string, ClientKeyScopes> ScopeOf = new()
    {
        [Submit] = ClientKeyScopes.SubmitRequests,
        [Read] = ClientKeyScopes.ReadRequests,
        [Download] = ClientKeyScopes.DownloadModels,
    };

    public static AuthorizationBuilder AddClientKeyPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(AnyKey, p => p.AddAuthenticationSchemes(ClientKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        foreach (var (name, scope) in ScopeOf)
            builder.AddPolicy(name, p => p.AddAuthenticationSchemes(ClientKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ClientKeyClaims.Scope, scope.ToString()));
        return builder;
    }

    /// <summary>The scopes the endpoint's policies demand, by name.</summary>
    public static IEnumerable<string> ScopesOf(Endpoint? endpoint) =>
        (endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
        .Select(a => a.Policy is { } policy && ScopeOf.TryGetValue(policy, out var scope) ? scope.ToString() : null)
        .OfType<string>();
}
