using Microsoft.AspNetCore.Routing;

namespace FedDashboard.Api;

public static class RefusalHandlingRegistration
{
    /// <summary>Refusals as problem documents (<see cref="RefusalProblems"/>), recorded in the audit log.</summary>
    public static IServiceCollection AddRefusalHandling(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<UnexpectedErrors>();
        services.AddSingleton<RequestRefusals>();
        // In every environment, so a body or route value an endpoint cannot read reaches the handler as a 400 with the reason.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
