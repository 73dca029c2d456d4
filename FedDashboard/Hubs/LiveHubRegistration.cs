using FedDashboard.Core.Hosting.Live;
using FedDashboard.Core.Orchestration.Live;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace FedDashboard.Hubs;

public static class LiveHubRegistration
{
    /// <summary>
    /// The live hub, fed by this node's publisher; with ConnectionStrings:Redis, SignalR's Redis backplane on Core's
    /// connection (and its channel prefix), so a client connected to any node receives every node's events.
    /// </summary>
    public static IServiceCollection AddLiveHub(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        services.AddSingleton<ILiveOutlet, HubLiveOutlet>();
        services.AddSingleton<LiveHubSessions>().AddHostedService(sp => sp.GetRequiredService<LiveHubSessions>());
        if (RedisConnection.Configuration(configuration) is null) return services;
        signalR.AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionFactory = _ => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }
}
