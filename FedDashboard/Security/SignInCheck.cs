using FedDashboard.Core.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace FedDashboard.Security;

/// <summary>
/// Whether a sign-in still holds: the account exists, is not disabled, and still has the security stamp the sign-in
/// carries (changing roles or disabling the account changes the stamp). Thread-safe; every check takes a fresh
/// scope, because a page's circuit lives for hours and its own scope would keep serving the account it loaded first.
/// </summary>
public sealed class SignInCheck(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
{
    public async Task<bool> StillHoldsAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return false;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FedUser>>();
        var user = await users.GetUserAsync(principal);
        return user is { IsDisabled: false }
            && principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
