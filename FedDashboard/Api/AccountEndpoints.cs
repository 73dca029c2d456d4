using FedDashboard.Core.Persistence.Identity;
using FedDashboard.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FedDashboard.Api;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The form field makes the antiforgery middleware check the token, so no other page can sign a user out.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<FedUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SignInRegistration.LoginPath);
        });
        return app;
    }
}
