using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Options;
using System.Net;
using System.Threading.RateLimiting;

namespace FedDashboard.Security;

/// <summary>
/// Sign-in attempts per client address in a fixed window. The sign-in form asks before checking a password, so only
/// attempts count, not visits, and the refusal is a page with a message instead of the rate-limiting middleware's
/// bare status. Thread-safe; one per process.
/// </summary>
public sealed class SignInThrottle(IOptions<AccessOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAttemptsPerClient,
            Window = options.Value.SignInWindow,
            QueueLimit = 0,
        }));

    /// <summary>Counts an attempt from <paramref name="client"/>; false when its address has used up the window.</summary>
    public bool TryAttempt(IPAddress? client)
    {
        var address = client is { IsIPv4MappedToIPv6: true } ? client.MapToIPv4() : client ?? IPAddress.None;
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public TimeSpan Window => options.Value.SignInWindow;

    public void Dispose() => _limiter.Dispose();
}
