using System.Globalization;
using System.Threading.RateLimiting;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FedDashboard.Security;

/// <summary>
/// A token bucket per API key (Fed:Clients CallsPerSecond, CallBurst), so one client cannot crowd out the others. It runs
/// after authorization, so the partition is the key the call proved; over the limit the answer is 429 with Retry-After
/// and the code <see cref="ClientKeyErrors.RateLimited"/>. Per node: a deployment of N nodes allows up to N times as much.
/// </summary>
public sealed class ClientKeyRateLimit(IOptions<ClientApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "client-key";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetTokenBucketLimiter(httpContext.User.FindFirst(ClientKeyClaims.ApiKeyId)?.Value ?? "", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.CallBurst,
            TokensPerPeriod = options.Value.CallsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await ClientKeyProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, ClientKeyErrors.RateLimited,
            $"API key {http.User.Identity?.Name} made more than {options.Value.CallsPerSecond} calls a second (bursts up to {options.Value.CallBurst}); try again in {Math.Ceiling(wait.TotalSeconds):0} s.");
    };
}
