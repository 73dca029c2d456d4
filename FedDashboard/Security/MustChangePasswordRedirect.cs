namespace FedDashboard.Security;

/// <summary>Sends a user signed in with a one-time password to choose their own before anything else is served.</summary>
public sealed class MustChangePasswordRedirect(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/account") || path.Value?.StartsWith("/_", StringComparison.Ordinal) == true || Path.HasExtension(path.Value);
        if (!exempt && context.User.HasClaim(c => c.Type == MustChangePasswordClaims.ClaimType))
        {
            context.Response.Redirect(SignInRegistration.ChangePasswordPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
