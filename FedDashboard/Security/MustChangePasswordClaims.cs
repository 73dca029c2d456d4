using FedDashboard.Core.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace FedDashboard.Security;

/// <summary>Marks the sign-in of a user who still holds a one-time password, so every page sends them to change it first.</summary>
public sealed class MustChangePasswordClaims(UserManager<FedUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<FedUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "fed:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FedUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(ClaimType, "true"));
        return identity;
    }
}
