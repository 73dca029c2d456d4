using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Orchestration.Clients;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FedDashboard.Security;

/// <summary>
/// Authenticates client applications by the API key in <c>Authorization: Bearer</c>, checked by Core on every call.
/// A refused key is answered 401 and a key without the endpoint's scope 403, each a problem document with a stable code.
/// </summary>
public sealed class ClientKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ClientKeyCheck check)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ClientKey";

    private const string CodeItem = "code";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var outcome = await check.CheckAsync(BearerToken(), Context.RequestAborted);
        if (outcome.Client is not { } client)
            return AuthenticateResult.Fail(outcome.Message!, new AuthenticationProperties(new Dictionary<string, string?> { [CodeItem] = outcome.Code }));
        Claim[] claims =
        [
            new(ClaimTypes.Name, client.KeyId),
            new(ClientKeyClaims.ClientId, client.ClientId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClientKeyClaims.ClientName, client.ClientName),
            new(ClientKeyClaims.ApiKeyId, client.ApiKeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. ClientScopes.Split(client.Scopes).Select(s => new Claim(ClientKeyClaims.Scope, s.ToString())),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var code = result.Properties?.Items.TryGetValue(CodeItem, out var refused) == true && refused is not null ? refused : ClientKeyErrors.MissingKey;
        Response.Headers.WWWAuthenticate = "Bearer";
        await ClientKeyProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, code,
            result.Failure?.Message ?? "The call carries no API key (Authorization: Bearer <key>).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var held = Context.User.FindAll(ClientKeyClaims.Scope).Select(c => c.Value).ToList();
        var needed = ClientKeyPolicies.ScopesOf(Context.GetEndpoint()).Except(held).ToList();
        return ClientKeyProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, ClientKeyErrors.InsufficientScope,
            $"API key {Context.User.Identity?.Name} lacks the scope {string.Join(" and ", needed)} this call needs; it holds {(held.Count > 0 ? string.Join(", ", held) : "none")}.");
    }

    private string? BearerToken() =>
        AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ? header.Parameter : null;
}
