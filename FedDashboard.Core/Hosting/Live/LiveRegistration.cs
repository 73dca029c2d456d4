using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FedDashboard.Core.Hosting.Live;

public static class LiveRegistration
{
    /// <summary>
    /// This node's live feed and its publisher; with ConnectionStrings:Redis also the one Redis connection (which the web
    /// app's SignalR backplane shares) and the channel that carries every node's events to every other node's feed.
    /// </summary>
    public static IServiceCollection AddFedLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LiveOptions>(configuration);
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ILivePublisher, LivePublisher>();
        if (RedisConnection.Configuration(configuration) is not { } redis) return services;
        services.AddSingleton(sp => RedisConnection.Connect(redis, sp.GetRequiredService<IOptions<LiveOptions>>().Value.ChannelPrefix));
        services.AddSingleton<RedisLiveChannel>();
        services.AddSingleton<ILiveOutlet, RedisLiveOutlet>();
        services.AddHostedService<RedisLiveSubscriber>();
        return services;
    }
}
