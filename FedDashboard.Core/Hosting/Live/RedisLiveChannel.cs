using FedDashboard.Core.Orchestration.Live;
using StackExchange.Redis;
using System.Text.Json;

namespace FedDashboard.Core.Hosting.Live;

/// <summary>
/// The nodes' live-event channel on Redis and what travels on it: each event as JSON under its type's name, marked with
/// the process that published it, so a node skips its own events (it delivered them to its feed already). One per process.
/// </summary>
public sealed class RedisLiveChannel
{
    /// <summary>After the connection's channel prefix (<see cref="RedisConnection"/>).</summary>
    public static readonly RedisChannel Name = RedisChannel.Literal(":live");

    private readonly string _origin = Guid.NewGuid().ToString("N");

    public RedisValue Encode(LiveEvent liveEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(new Message(_origin, liveEvent.GetType().Name, JsonSerializer.SerializeToElement(liveEvent, liveEvent.GetType())));

    /// <returns>Null for this process's own events and for types this node does not know (a node of another version).</returns>
    /// <exception cref="JsonException">The message is not one of ours.</exception>
    public LiveEvent? Decode(RedisValue value)
    {
        var message = JsonSerializer.Deserialize<Message>((byte[])value!) ?? throw new JsonException("The message is null.");
        if (message.Origin == _origin || !LiveEventTypes.ByName.TryGetValue(message.Type, out var type)) return null;
        return (LiveEvent?)message.Event.Deserialize(type);
    }

    private sealed record Message(string Origin, string Type, JsonElement Event);
}
