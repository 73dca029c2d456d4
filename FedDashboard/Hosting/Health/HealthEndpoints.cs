using FedDashboard.Core.Hosting.Live;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FedDashboard.Hosting.Health;

/// <summary>
/// Liveness (the process answers; no dependency, so a database outage does not get every node restarted) and readiness
/// (PostgreSQL, Hangfire's storage, the node registered, Redis when configured) for a load balancer. Anonymous; the answer is only the status's name.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static IServiceCollection AddFedHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgresql", tags: [Ready])
            .AddCheck<HangfireStorageHealthCheck>("hangfire", tags: [Ready])
            .AddCheck<NodeRegisteredHealthCheck>("node", tags: [Ready]);
        if (RedisConnection.Configuration(configuration) is not null) checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapFedHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return endpoints;
    }
}
