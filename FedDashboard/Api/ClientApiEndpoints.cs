using FedDashboard.Core.Learning.Data;
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
        v1.MapGet("/me", (HttpContext http) => new ClientKeyIdentity(
            ClientKeyClaims.ClientIdOf(http.User),
            http.User.FindFirst(ClientKeyClaims.ClientName)!.Value,
            http.User.Identity!.Name!,
            [.. http.User.FindAll(ClientKeyClaims.Scope).Select(c => c.Value)]))
            .WithSummary("The client and key a call authenticates as, with the key's scopes.")
            .RequireAuthorization(ClientKeyPolicies.AnyKey);
        v1.MapGet("/held-out-sets", () => HeldOutSets.All.Select(HeldOutSetBody.Of).ToList())
            .WithSummary("The held-out sets a request's condition may name (condition.heldOutSet) to be met by its accuracy on that set.")
            .RequireAuthorization(ClientKeyPolicies.AnyKey);
        v1.MapTrainingRequestEndpoints();
        return app;
    }
}
