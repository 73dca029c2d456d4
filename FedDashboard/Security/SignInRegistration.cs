using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FedDashboard.Security;

/// <summary>Sign-in for operators (Identity cookies on Core's accounts) and the authorization policies.</summary>
public static class SignInRegistration
{
    public const string LoginPath = "/account/login";
    public const string ChangePasswordPath = "/account/change-password";

    public static IServiceCollection AddFedSignIn(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(FedUser), typeof(IdentityRole), services)
            .AddSignInManager<FedSignInManager>()
            .AddClaimsPrincipalFactory<MustChangePasswordClaims>();
        // The cookie is checked against the account (security stamp, disabled) this often, and its roles refreshed.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccessOptions>>((o, access) => o.ValidationInterval = access.Value.RevalidationInterval);
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccessOptions>>((o, access) =>
        {
            o.Lockout.MaxFailedAccessAttempts = access.Value.LockoutThreshold;
            o.Lockout.DefaultLockoutTimeSpan = access.Value.LockoutDuration;
        });
        services.AddSingleton<SignInCheck>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingSignInState>();
        services.AddExportLimits();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "FedDashboard.SignIn";
            // Strict: no other site can make a browser send it, which is the CSRF guard for the JSON endpoints.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/account/access-denied";
            o.Events.OnRedirectToLogin = StatusForApis(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = StatusForApis(StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.LiveHub, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new StillSignedInRequirement()))
            .AddPolicy(Policies.Administrators, p => p.RequireRole(Roles.Administrator));
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>Pages redirect to sign-in; the API and the hub answer with a status code a client can act on.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, Task> StatusForApis(int status) =>
        context =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
                context.Response.StatusCode = status;
            else
                context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
}
