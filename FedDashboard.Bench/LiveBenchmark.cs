using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Live;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Bench;

/// <summary>
/// Two nodes in this process on one Redis (ConnectionStrings__Redis; ./fed bench live starts a private one): how long an
/// event published on one takes to reach the other's live feed, p50 and p95.
/// </summary>
internal static class LiveBenchmark
{
    public static async Task<int> RunAsync(BenchArguments arguments)
    {
        var probes = arguments.Integer("events", 500);
        if (probes < 1) throw new ArgumentException($"--events must be at least 1 (was {probes}).");
        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis")
            ?? throw new StartupException("ConnectionStrings__Redis is not set; run this benchmark with ./fed bench live, which starts a private Redis.");
        var channelPrefix = $"fedbench-{Guid.NewGuid():N}";
        Dictionary<string, string?> Node(string name) => new()
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Fed:Live:ChannelPrefix"] = channelPrefix,
            ["Fed:Node:Name"] = name,
        };
        await using var receiver = await BenchHost.StartAsync("live_a", terminals: 10, Node("live-a"));
        await using var publisher = await BenchHost.StartAsync("live_b", terminals: 10, Node("live-b"));
        // The first events pay for connections and JIT; they are not what a running cluster sees.
        await LiveLatencyProbe.MeasureAsync(publisher.Services.GetRequiredService<ILivePublisher>(), receiver.Services.GetRequiredService<LiveFeed>(), 20);
        var latency = Timings.Of(await LiveLatencyProbe.MeasureAsync(
            publisher.Services.GetRequiredService<ILivePublisher>(), receiver.Services.GetRequiredService<LiveFeed>(), probes));
        Console.WriteLine($"Live event from node B's publisher to node A's feed over Redis ({redis}), {probes} events one at a time: " +
            $"p50 {latency.MedianMs:0.00} ms, p95 {latency.P95Ms:0.00} ms");
        return 0;
    }
}
