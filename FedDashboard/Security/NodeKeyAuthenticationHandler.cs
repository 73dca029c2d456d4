using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FedDashboard.Security;

/// <summary>Authenticates this node's hub relay by its <see cref="NodeKey"/> header; no header, no result.</summary>
public sealed class NodeKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NodeKey key)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FedNode";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(NodeKey.Header, out var presented)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!key.Matches(presented)) return Task.FromResult(AuthenticateResult.Fail("The node key does not match this node's."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "node relay")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
