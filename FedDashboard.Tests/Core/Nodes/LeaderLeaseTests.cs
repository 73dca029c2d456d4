using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Nodes;

/// <summary>Two nodes on one real database, each with its own lease service, beating by hand.</summary>
public sealed class LeaderLeaseTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryLead_TwoNodesAtOnce_ExactlyOneLeads()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");

        for (var i = 0; i < 5; i++) await Task.WhenAll(a.BeatAsync(), b.BeatAsync());

        Assert.NotEqual(a.Leadership.IsLeader, b.Leadership.IsLeader);
        var leader = a.Leadership.IsLeader ? "node-a" : "node-b";
        var overview = await a.Registry.OverviewAsync();
        Assert.Equal(leader, overview.Lease?.Holder);
    }

    [Fact]
    public async Task TryLead_EdgeNodeAlone_NeverTakesTheLeaseSoAFullNodeLeadsAtItsFirstBeat()
    {
        await using var edge = TestNode.Start(_database.AppConnectionString, "edge-node", edgeQueue: "edge-1");
        await using var full = TestNode.Start(_database.AppConnectionString, "full-node");

        await edge.BeatAsync();
        var unheld = (await edge.Registry.OverviewAsync()).Lease;
        await full.BeatAsync();

        Assert.False(edge.Leadership.IsLeader);
        Assert.Null(unheld);
        Assert.True(full.Leadership.IsLeader);
    }

    [Fact]
    public async Task TryLead_LeaderRenews_KeepsLeadingSinceItFirstTookIt()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");
        await a.BeatAsync();
        var since = (await a.Registry.OverviewAsync()).Lease!.HeldSince;

        await b.BeatAsync();
        await a.BeatAsync();

        Assert.True(a.Leadership.IsLeader);
        Assert.False(b.Leadership.IsLeader);
        Assert.Equal(since, (await a.Registry.OverviewAsync()).Lease!.HeldSince);
    }

    [Fact]
    public async Task TryLead_LeaderStopsRenewing_OtherNodeTakesOverAfterExpiry()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a", leaseSeconds: 1);
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b", leaseSeconds: 1);
        await a.BeatAsync();
        await b.BeatAsync();
        Assert.True(a.Leadership.IsLeader);
        Assert.False(b.Leadership.IsLeader);

        // Node a stops beating, as if killed: only the lease's expiry on the database's clock lets b in.
        await Eventually.WaitForAsync(async () => { await b.BeatAsync(); return b.Leadership.IsLeader ? "leads" : null; },
            TimeSpan.FromSeconds(30), "node b to take the lease over");

        Assert.False(a.Leadership.IsLeader);
        Assert.Equal("node-b", (await b.Registry.OverviewAsync()).Lease?.Holder);
        await a.BeatAsync();
        Assert.False(a.Leadership.IsLeader);
    }

    [Fact]
    public async Task Resign_Leader_OtherNodeLeadsAtItsNextBeat()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");
        await a.BeatAsync();

        await a.Leadership.ResignAsync(CancellationToken.None);
        await b.BeatAsync();

        Assert.False(a.Leadership.IsLeader);
        Assert.True(b.Leadership.IsLeader);
    }

    [Fact]
    public async Task Stop_TimeRanOutBeforeResigning_StopsAndLeavesTheLeaseToRunOut()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        await a.BeatAsync();

        // A loaded machine: the host's stop had no time left when the heartbeat came to give the lease up.
        await a.StopAsync(new CancellationToken(canceled: true));

        Assert.False(a.Leadership.IsLeader);
        Assert.Equal("node-a", (await a.Registry.OverviewAsync()).Lease?.Holder);
    }

    [Fact]
    public async Task TryLead_ClockOffBeyondTolerance_RefusesAndSaysWhy()
    {
        var skewed = new ShiftedClock(TimeSpan.FromSeconds(30));
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a", clock: skewed);
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");

        var refusal = await a.BeatAsync();
        await b.BeatAsync();

        Assert.NotNull(refusal);
        Assert.Contains("off the database's", refusal);
        Assert.Contains("Fed:Node:ClockToleranceSeconds", refusal);
        Assert.False(a.Leadership.IsLeader);
        Assert.True(b.Leadership.IsLeader);
        var row = (await a.Registry.OverviewAsync()).Nodes.Single(n => n.Name == "node-a");
        Assert.Equal(refusal, row.LeadershipRefusal);
        // Measured halfway through a round trip: off by at most half of it.
        Assert.InRange(row.ClockOffsetMs, 25_000, 35_000);
    }

    [Fact]
    public async Task TryLead_LeaderClockDrifts_GivesTheLeaseUp()
    {
        var drifting = new ShiftedClock(TimeSpan.Zero);
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a", clock: drifting);
        await using var b = TestNode.Start(_database.AppConnectionString, "node-b");
        await a.BeatAsync();
        Assert.True(a.Leadership.IsLeader);

        drifting.Shift = TimeSpan.FromSeconds(10);
        await a.BeatAsync();
        await b.BeatAsync();

        Assert.False(a.Leadership.IsLeader);
        Assert.True(b.Leadership.IsLeader);
    }

    [Fact]
    public async Task WhenLeader_NodeTakesTheLease_Completes()
    {
        await using var a = TestNode.Start(_database.AppConnectionString, "node-a");
        var led = a.Leadership.WhenLeaderAsync(CancellationToken.None);
        Assert.False(led.IsCompleted);

        await a.BeatAsync();

        await led.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
