using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Security;

namespace FedDashboard.Api;

/// <summary>A client application's details as an administrator sends them; models and scopes by name.</summary>
public sealed record ClientRequest(string? Name, string? ContactEmail, string[]? AllowedModels, decimal SpendingLimit, string? Currency);

/// <param name="ValidForDays">Null for a key that does not expire.</param>
public sealed record ClientKeyRequest(string[]? Scopes, int? ValidForDays);

public sealed record ClientKeyRevocationRequest(string? Reason);

/// <summary>
/// Client applications and their API keys for administrators over HTTP (the sign-in cookie, as every /api endpoint).
/// Core checks the caller (refusals answered by <see cref="RefusalProblems"/>): 401 without sign-in, 403 (audited)
/// without the administrator role, 400 for bad input at its field, 404 for no such client or key, 409 for a suspended
/// client or a key revoked already. A client's callback signing secret is shown once (a second showing is 409) and rotated
/// on demand; each answer that carries it is the only one.
/// </summary>
public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapPost("/clients", async (ClientRequest request, HttpContext http, ClientRegistry registry, CancellationToken ct) =>
        {
            var client = await registry.RegisterAsync(CurrentActor.Of(http.User), Details(request), ct);
            return Results.Created($"/api/clients/{client.Id}", ClientView.Of(client));
        });
        api.MapPut("/clients/{id:int}", async (int id, ClientRequest request, HttpContext http, ClientRegistry registry, CancellationToken ct) =>
            Results.Ok(ClientView.Of(await registry.EditAsync(CurrentActor.Of(http.User), id, Details(request), ct))));
        api.MapPost("/clients/{id:int}/suspend", async (int id, HttpContext http, ClientRegistry registry, CancellationToken ct) =>
            Results.Ok(ClientView.Of(await registry.SuspendAsync(CurrentActor.Of(http.User), id, ct))));
        api.MapPost("/clients/{id:int}/resume", async (int id, HttpContext http, ClientRegistry registry, CancellationToken ct) =>
            Results.Ok(ClientView.Of(await registry.ResumeAsync(CurrentActor.Of(http.User), id, ct))));
        api.MapPost("/clients/{id:int}/keys", async (int id, ClientKeyRequest request, HttpContext http, ClientKeys keys, CancellationToken ct) =>
        {
            var issued = await keys.IssueAsync(CurrentActor.Of(http.User), id, ClientScopes.Parse(request.Scopes, ClientKeys.ScopesField), request.ValidForDays, ct);
            return Results.Created($"/api/client-keys/{issued.Key.Id}", ClientKeyView.Of(issued.Key, issued.Secret));
        });
        api.MapPost("/client-keys/{id:int}/rotate", async (int id, HttpContext http, ClientKeys keys, CancellationToken ct) =>
        {
            var issued = await keys.RotateAsync(CurrentActor.Of(http.User), id, ct);
            return Results.Created($"/api/client-keys/{issued.Key.Id}", ClientKeyView.Of(issued.Key, issued.Secret));
        });
        api.MapPost("/client-keys/{id:int}/revoke", async (int id, ClientKeyRevocationRequest? request, HttpContext http, ClientKeys keys, CancellationToken ct) =>
            Results.Ok(ClientKeyView.Of(await keys.RevokeAsync(CurrentActor.Of(http.User), id, request?.Reason, ct), secret: null)));
        api.MapPost("/clients/{id:int}/signing-secret", async (int id, HttpContext http, SigningSecrets secrets, CancellationToken ct) =>
            Results.Ok(await secrets.ShowAsync(CurrentActor.Of(http.User), id, ct)));
        api.MapPost("/clients/{id:int}/signing-secret/rotate", async (int id, HttpContext http, SigningSecrets secrets, CancellationToken ct) =>
            Results.Ok(await secrets.RotateAsync(CurrentActor.Of(http.User), id, ct)));
        return app;
    }

    private static ClientDetails Details(ClientRequest request) =>
        new(request.Name ?? "", request.ContactEmail ?? "", [.. (request.AllowedModels ?? []).Select(Model)], request.SpendingLimit, request.Currency ?? "");

    private static ModelArchitecture Model(string name) =>
        Enum.TryParse<ModelArchitecture>(name, ignoreCase: true, out var model) && Enum.IsDefined(model) && !int.TryParse(name, out _)
            ? model
            : throw new InvalidInputException($"There is no model '{name}'; the models are {string.Join(", ", Enum.GetNames<ModelArchitecture>())}.",
                ClientDetails.AllowedModelsField);

    private sealed record ClientView(int Id, string Name, string ContactEmail, IReadOnlyList<string> AllowedModels, decimal SpendingLimit, string Currency,
        string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, string? SuspendedBy)
    {
        public static ClientView Of(ClientApplication c) => new(c.Id, c.Name, c.ContactEmail, [.. c.AllowedModels.Select(m => m.ToString())], c.SpendingLimit,
            c.Currency, c.CreatedBy, c.CreatedAt, c.SuspendedAt, c.SuspendedBy);
    }

    /// <param name="Secret">The key's secret, only in the answer that issued it.</param>
    private sealed record ClientKeyView(int Id, int ClientId, string KeyId, string? Secret, IReadOnlyList<string> Scopes, string CreatedBy, DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt, int? ReplacesId, DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokeReason, DateTimeOffset? LastUsedAt)
    {
        public static ClientKeyView Of(ClientApiKey k, string? secret) => new(k.Id, k.ClientId, k.KeyId, secret, [.. ClientScopes.Split(k.Scopes).Select(s => s.ToString())],
            k.CreatedBy, k.CreatedAt, k.ExpiresAt, k.ReplacesId, k.RevokedAt, k.RevokedBy, k.RevokeReason, k.LastUsedAt);
    }
}
