using FedDashboard.Core.Domain.Refusals;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace FedDashboard.Core.Hosting.Live;

/// <summary>
/// ConnectionStrings:Redis, a StackExchange.Redis configuration string: when it is set the node reaches Redis at its
/// start or refuses to start; once connected, the connection mends itself after an outage.
/// </summary>
public static class RedisConnection
{
    public const string Key = "Redis";

    /// <summary>The configuration string, or null when the node runs without Redis.</summary>
    public static string? Configuration(IConfiguration configuration) =>
        configuration.GetConnectionString(Key) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <param name="channelPrefix">Starts every pub/sub channel name on this connection, SignalR's backplane's too.</param>
    internal static IConnectionMultiplexer Connect(string configuration, string channelPrefix)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException exception)
        {
            throw new StartupException($"ConnectionStrings:{Key} is not a valid Redis configuration ({exception.Message}); give host:port, e.g. 127.0.0.1:6379.", exception);
        }
        if (options.EndPoints.Count == 0)
            throw new StartupException($"ConnectionStrings:{Key} names no Redis server; give host:port, e.g. 127.0.0.1:6379, or leave it unset to run a single node without Redis.");
        options.ChannelPrefix = RedisChannel.Literal(channelPrefix);
        // Only the first connection may fail the start; later outages are waited out and reconnected.
        options.AbortOnConnectFail = true;
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException exception)
        {
            throw new StartupException(
                $"ConnectionStrings:{Key} is set, but Redis at {string.Join(", ", options.EndPoints)} cannot be reached ({exception.FailureType}). " +
                $"Start that Redis server (./fed cluster starts one) or correct ConnectionStrings:{Key}; leave it unset to run a single node without Redis.", exception);
        }
    }
}
