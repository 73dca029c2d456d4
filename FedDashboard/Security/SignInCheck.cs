using System.Security.Claims;
using FedDashboard.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FedDashboard.Security;

/// <summary>
/// Whether a sign-in still holds: the account exists, is not disabled, and still has the security stamp the sign-in
/// carries (changing roles or disabling the account changes the stamp). Thread-safe; every check takes a fresh
/// scope, because a page's circuit lives for hours and its own scope would keep serving the account it loaded first.
/// </summary>
public sealed class SignInCheck(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
{
    /// <summary>The signed-in user as an actor with their roles as stored now, or null when the sign-in no longer holds.</summary>
    public async Task<Actor?> CurrentActorAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FedUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled) return null;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp != await users.GetSecurityStampAsync(user)) return null;
        return new Actor(user.UserName!, (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal));
    }
}
