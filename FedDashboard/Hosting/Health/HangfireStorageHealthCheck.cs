using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FedDashboard.Hosting.Health;

/// <summary>Hangfire's storage answers: its servers can be listed from its schema.</summary>
public sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Hangfire's monitoring API is synchronous.
        await Task.Run(() => storage.GetMonitoringApi().Servers(), cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
