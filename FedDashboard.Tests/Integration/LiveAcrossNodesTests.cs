using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Nodes of the web app on one database and one Redis (channels of the test's own): what one node publishes reaches the
/// others' feeds and hub clients; a node alone needs no Redis; and sign-in's keys are shared.
/// </summary>
public sealed class LiveAcrossNodesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Tests run in parallel on one Redis: each test's nodes on channels of their own.</summary>
    private static Dictionary<string, string> OnTestChannels() => new()
    {
        ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
        ["Fed:Live:ChannelPrefix"] = $"fedtest-{Guid.NewGuid():N}",
    };

    [Fact]
    public async Task Publish_OnNodeB_ReachesNodeAsFeedAndHubClientOnce()
    {
        var redis = OnTestChannels();
        await using var a = await WebNode.StartAsync("node-a", _database.ConnectionString, redis);
        await using var b = await WebNode.StartAsync("node-b", _database.ConnectionString, redis);
        var (feedOfA, hubOfA) = (new MarkerWatch(), new MarkerWatch());
        using var feedSubscription = feedOfA.Watch(a.Get<LiveFeed>());
        await using var hubClient = await hubOfA.WatchHubAsync(a.BaseAddress);
        var (first, second) = (MarkerWatch.NewMarker(), MarkerWatch.NewMarker());

        await b.Get<ILivePublisher>().PublishAsync(first);
        await b.Get<ILivePublisher>().PublishAsync(second);

        // Node B sends each event once, in order: when the second has arrived, the first has, and only once.
        await feedOfA.ArrivalOf(second);
        await hubOfA.ArrivalOf(second);
        Assert.Equal(1, feedOfA.Count(first));
        Assert.Equal(1, hubOfA.Count(first));
    }

    [Fact]
    public async Task Publish_SingleNodeWithoutRedis_ReachesItsFeedAndHubClient()
    {
        await using var node = await WebNode.StartAsync("alone", _database.ConnectionString, new Dictionary<string, string> { ["ConnectionStrings:Redis"] = "" });
        var (feed, hub) = (new MarkerWatch(), new MarkerWatch());
        using var subscription = feed.Watch(node.Get<LiveFeed>());
        await using var hubClient = await hub.WatchHubAsync(node.BaseAddress);
        var marker = MarkerWatch.NewMarker();

        await node.Get<ILivePublisher>().PublishAsync(marker);

        await feed.ArrivalOf(marker);
        await hub.ArrivalOf(marker);
        Assert.Null(node.GetService<IConnectionMultiplexer>());
    }

    [Fact]
    public async Task Unprotect_WhatAnotherNodeProtected_ReadsIt()
    {
        await using var a = await WebNode.StartAsync("node-a", _database.ConnectionString);
        await using var b = await WebNode.StartAsync("node-b", _database.ConnectionString);

        var secret = a.Get<IDataProtectionProvider>().CreateProtector("test").Protect("shared across nodes");

        Assert.Equal("shared across nodes", b.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }
}
