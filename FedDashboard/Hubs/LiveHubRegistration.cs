using FedDashboard.Core.Hosting.Live;
using FedDashboard.Core.Orchestration.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace FedDashboard.Hubs;

public static class LiveHubRegistration
{
    /// <summary>
    /// The live hub, fed by this node's publisher; with ConnectionStrings:Redis, SignalR's Redis backplane for it on Core's
    /// connection (and its channel prefix), so a client connected to any node receives every node's events.
    /// </summary>
    public static IServiceCollection AddLiveHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
        services.AddSingleton<ILiveOutlet, HubLiveOutlet>();
        services.AddSingleton<LiveHubSessions>().AddHostedService(sp => sp.GetRequiredService<LiveHubSessions>());
        if (RedisConnection.Configuration(configuration) is null) return services;
        // For this hub only, not SignalR's AddStackExchangeRedis for every hub: Blazor's circuits stay on their node, and
        // on the backplane each would subscribe to Redis channels of its own and wait for Redis to open a page.
        services.AddSingleton<HubLifetimeManager<LiveHub>, RedisHubLifetimeManager<LiveHub>>();
        services.AddOptions<RedisOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionFactory = _ => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }
}
