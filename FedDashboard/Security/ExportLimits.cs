using FedDashboard.Core.Orchestration.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Threading.RateLimiting;

namespace FedDashboard.Security;

/// <summary>
/// Downloads per signed-in user in a fixed window: each export reads and formats a whole table, so one user
/// cannot keep the database busy. Over the limit the answer is 429 with a problem document and Retry-After.
/// </summary>
public static class ExportLimits
{
    public const string Policy = "exports";

    public static IServiceCollection AddExportLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccessOptions>>((limiter, access) =>
        {
            var (permits, window) = (access.Value.ExportsPerUser, access.Value.ExportWindow);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.User.Identity?.Name ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, _) =>
            {
                var http = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many downloads",
                    detail: $"At most {permits} exports per user every {window.TotalSeconds:0} seconds; try again later.").ExecuteAsync(http);
            };
        });
        return services;
    }
}
