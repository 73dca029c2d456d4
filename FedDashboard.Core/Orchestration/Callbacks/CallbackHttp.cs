
namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>
/// The one HTTP client for callbacks, a singleton disposed with the container (as the fleet's is): its connections are
/// pooled, and each new one goes through <see cref="CallbackConnector"/>. No proxy, so the connector sees the real host;
/// no redirects, so a receiver cannot point the request somewhere the rules would refuse.
/// </summary>
public sealed class CallbackHttp(CallbackConnector connector) : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        ConnectCallback = connector.ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        // Each attempt sets its own limit over the whole exchange (CallbackOptions.Timeout).
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "User-Agent", "FedDashboard-Callbacks/1" } },
    };

    public void Dispose() => Client.Dispose();
}
