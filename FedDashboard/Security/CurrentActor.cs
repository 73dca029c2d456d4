using FedDashboard.Core.Domain.Security;
using Microsoft.AspNetCore.Components.Authorization;
using System.Security.Claims;

namespace FedDashboard.Security;

/// <summary>The signed-in user of a page's circuit as Core's <see cref="Actor"/>, whose permissions Core checks.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync() => Of((await authentication.GetAuthenticationStateAsync()).User);

    public static Actor Of(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new Actor(name, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
            : Actor.Anonymous;
}
