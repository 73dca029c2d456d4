using System.Security.Claims;
using FedDashboard.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace FedDashboard.Security;

/// <summary>
/// The signed-in user of a page's circuit as Core's <see cref="Actor"/>, whose permissions Core checks. A circuit
/// keeps the roles it started with for hours, so the actor is read from the account as it is now: an action after a
/// role change or a disabled account is refused at once, not only after the page's next revalidation.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, SignInCheck check)
{
    public async Task<Actor> GetAsync() => await check.CurrentActorAsync((await authentication.GetAuthenticationStateAsync()).User) ?? Actor.Anonymous;

    /// <summary>The actor of an HTTP request, whose sign-in cookie the cookie handler has just revalidated (at most a minute ago).</summary>
    public static Actor Of(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new Actor(name, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
            : Actor.Anonymous;
}
