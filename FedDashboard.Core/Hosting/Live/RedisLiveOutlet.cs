using FedDashboard.Core.Orchestration.Live;
using StackExchange.Redis;

namespace FedDashboard.Core.Hosting.Live;

/// <summary>Sends this node's events to the other nodes over the Redis channel.</summary>
internal sealed class RedisLiveOutlet(IConnectionMultiplexer redis, RedisLiveChannel channel) : ILiveOutlet
{
    public Task SendAsync(LiveEvent liveEvent) => redis.GetSubscriber().PublishAsync(RedisLiveChannel.Name, channel.Encode(liveEvent));
}
