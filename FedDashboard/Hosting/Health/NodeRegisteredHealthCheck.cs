using FedDashboard.Core.Hosting.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FedDashboard.Hosting.Health;

/// <summary>This node's row is on the database and its heartbeat fresh.</summary>
public sealed class NodeRegisteredHealthCheck(NodeRegistry registry) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await registry.IsRegisteredAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
}
