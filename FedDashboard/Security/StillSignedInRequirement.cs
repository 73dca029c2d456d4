using Microsoft.AspNetCore.Authorization;

namespace FedDashboard.Security;

/// <summary>
/// For the live hub: a user's sign-in must still hold now, not only at the cookie's last check, because a hub
/// connection outlives the request that opened it. This node's relay, signed in by its key, passes.
/// </summary>
public sealed class StillSignedInRequirement : AuthorizationHandler<StillSignedInRequirement>, IAuthorizationRequirement
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StillSignedInRequirement requirement)
    {
        var user = context.User;
        var check = (context.Resource as HttpContext)?.RequestServices.GetRequiredService<SignInCheck>();
        if (user.Identity?.AuthenticationType == NodeKeyAuthenticationHandler.SchemeName || (check is not null && await check.StillHoldsAsync(user)))
            context.Succeed(requirement);
    }
}
