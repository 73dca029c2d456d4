using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace FedDashboard.Hosting.Health;

/// <summary>Redis answers: without it this node's pages miss the other nodes' events and its hub clients every event.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A ping while disconnected would wait in the client's backlog for its whole timeout.
        if (!redis.IsConnected) return HealthCheckResult.Unhealthy();
        await redis.GetDatabase().PingAsync();
        return HealthCheckResult.Healthy();
    }
}
