using Microsoft.AspNetCore.StaticAssets;

namespace FedDashboard.Security;

/// <summary>
/// Sends a user signed in with a one-time password to choose their own before anything else is served. Only the
/// account pages, the framework's own paths and static assets pass; a download such as the ledger CSV does not.
/// </summary>
public sealed class MustChangePasswordRedirect(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!IsExempt(context) && context.User.HasClaim(c => c.Type == MustChangePasswordClaims.ClaimType))
        {
            context.Response.Redirect(SignInRegistration.ChangePasswordPath);
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool IsExempt(HttpContext context)
    {
        var path = context.Request.Path;
        return path.StartsWithSegments("/account")
            || path.Value?.StartsWith("/_", StringComparison.Ordinal) == true
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
    }
}
