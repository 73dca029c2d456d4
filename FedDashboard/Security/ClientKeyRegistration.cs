using Microsoft.AspNetCore.Authentication;

namespace FedDashboard.Security;

/// <summary>Client applications' API keys: the authentication scheme, a policy per scope, and the rate limit per key.</summary>
public static class ClientKeyRegistration
{
    public static IServiceCollection AddClientKeys(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ClientKeyAuthenticationHandler>(ClientKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddClientKeyPolicies();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ClientKeyRateLimit>(ClientKeyRateLimit.Name));
        return services;
    }
}
