using FedDashboard.Core.Orchestration.Options;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace FedDashboard.Security;

/// <summary>
/// A page's sign-in, checked against the account while the page stays open: once the account is disabled or its roles
/// change, the page turns signed-out and sends the browser to sign in again (after ASP.NET Core's Blazor Identity template).
/// </summary>
public sealed class RevalidatingSignInState(ILoggerFactory loggerFactory, SignInCheck check, IOptions<AccessOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await check.StillHoldsAsync(authenticationState.User);
}
