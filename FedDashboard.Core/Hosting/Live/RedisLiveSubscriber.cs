using FedDashboard.Core.Orchestration.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using System.Text.Json;

namespace FedDashboard.Core.Hosting.Live;

/// <summary>
/// Delivers the other nodes' events from the Redis channel to this node's feed, one at a time in the order Redis
/// received them. While the connection is down their events are lost (pub/sub keeps nothing); it resubscribes on return.
/// </summary>
internal sealed class RedisLiveSubscriber(IConnectionMultiplexer redis, RedisLiveChannel channel, LiveFeed feed, ILogger<RedisLiveSubscriber> logger) : IHostedService
{
    private ChannelMessageQueue? _messages;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _messages = await redis.GetSubscriber().SubscribeAsync(RedisLiveChannel.Name);
        _messages.OnMessage(Receive);
    }

    private void Receive(ChannelMessage message)
    {
        try
        {
            if (channel.Decode(message.Message) is { } liveEvent) feed.Deliver(liveEvent);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Skipped a message on the live channel that is not a live event.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _messages?.UnsubscribeAsync() ?? Task.CompletedTask;
}
