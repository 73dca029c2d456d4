using Microsoft.AspNetCore.Authorization;

namespace FedDashboard.Security;

/// <summary>
/// For the live hub: a user's sign-in must still hold now, not only at the cookie's last check, because a hub
/// connection outlives the request that opened it.
/// </summary>
public sealed class StillSignedInRequirement : AuthorizationHandler<StillSignedInRequirement>, IAuthorizationRequirement
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StillSignedInRequirement requirement)
    {
        var user = context.User;
        var check = (context.Resource as HttpContext)?.RequestServices.GetRequiredService<SignInCheck>();
        if (check is not null && await check.StillHoldsAsync(user)) context.Succeed(requirement);
    }
}
