using FedDashboard.Security;

namespace FedDashboard.Api;

/// <summary>
/// The client API, version 1, for client applications calling with an API key (<see cref="ClientKeyAuthenticationHandler"/>):
/// each endpoint demands the scope it needs (<see cref="ClientKeyPolicies"/>) and is rate-limited per key. Its OpenAPI
/// document is <see cref="ClientApiDocument"/>.
/// </summary>
public static class ClientApiEndpoints
{
    public const string Base = "/api/v1";

    public static IEndpointRouteBuilder MapClientApiEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(Base).RequireRateLimiting(ClientKeyRateLimit.Name).WithGroupName(ClientApiDocument.Name);
        v1.MapGet("/me", (HttpContext http) => new
        {
            clientId = ClientKeyClaims.ClientIdOf(http.User),
            client = http.User.FindFirst(ClientKeyClaims.ClientName)!.Value,
            keyId = http.User.Identity!.Name,
            scopes = http.User.FindAll(ClientKeyClaims.Scope).Select(c => c.Value),
        }).RequireAuthorization(ClientKeyPolicies.AnyKey);
        v1.MapTrainingRequestEndpoints();
        return app;
    }
}
