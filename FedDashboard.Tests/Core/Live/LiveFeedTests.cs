using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;

namespace FedDashboard.Tests.Core.Live;

public sealed class LiveFeedTests
{
    private static FleetTick Tick(int online) => new(100, online, online, 0, 0.5, 0.9, 0.8, TestData.Now);

    [Fact]
    public async Task Deliver_SeveralEventsWithinTheInterval_ArriveAsOneBatchWhenItEnds()
    {
        var clock = new FakeTimeProvider();
        var feed = new LiveFeed(clock);
        var batches = new ConcurrentQueue<IReadOnlyList<LiveEvent>>();
        var received = new TaskCompletionSource();
        using var subscription = feed.Subscribe(batch =>
        {
            batches.Enqueue(batch);
            received.TrySetResult();
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(100));

        feed.Deliver(Tick(1));
        clock.Advance(TimeSpan.FromMilliseconds(50));
        feed.Deliver(Tick(2));
        feed.Deliver(Tick(3));
        clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.Empty(batches);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var batch = Assert.Single(batches);
        Assert.Equal([1, 2, 3], batch.Cast<FleetTick>().Select(t => t.Online));
    }

    [Fact]
    public void Dispose_Subscription_RemovesSubscriber()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var subscription = feed.Subscribe(_ => Task.CompletedTask);
        Assert.Equal(1, feed.SubscriberCount);

        subscription.Dispose();

        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task Deliver_AfterDispose_ReachesNoOne()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var calls = 0;
        var subscription = feed.Subscribe(_ =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(10));
        subscription.Dispose();

        feed.Deliver(Tick(1));
        await Task.Delay(100);

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Deliver_SlowSubscriber_BatchesArriveInOrderOneAtATime()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var received = new ConcurrentQueue<int>();
        var running = 0;
        var overlapped = false;
        var done = new TaskCompletionSource();
        using var subscription = feed.Subscribe(async batch =>
        {
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            await Task.Delay(30);
            foreach (var tick in batch.Cast<FleetTick>()) received.Enqueue(tick.Online);
            Interlocked.Decrement(ref running);
            if (received.Count == 40) done.TrySetResult();
        }, TimeSpan.FromMilliseconds(5));

        for (var i = 1; i <= 40; i++)
        {
            feed.Deliver(Tick(i));
            await Task.Delay(2);
        }
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(overlapped, "two batches were handled at once");
        Assert.Equal(Enumerable.Range(1, 40), received);
    }

    [Fact]
    public async Task Deliver_SubscriberThrows_SubscriptionEndsAndTakesNoMoreEvents()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var calls = 0;
        var thrown = new TaskCompletionSource();
        using var subscription = feed.Subscribe(_ =>
        {
            Interlocked.Increment(ref calls);
            thrown.TrySetResult();
            throw new InvalidOperationException("the page broke");
        }, TimeSpan.FromMilliseconds(5));

        feed.Deliver(Tick(1));
        await thrown.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.WaitForAsync(() => Task.FromResult(feed.SubscriberCount == 0 ? "gone" : null), TimeSpan.FromSeconds(10), "the subscription to end");
        feed.Deliver(Tick(2));
        await Task.Delay(50);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Deliver_SubscriberStuckPastCapacity_SubscriptionEnds()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var stuck = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        using var subscription = feed.Subscribe(_ =>
        {
            entered.TrySetResult();
            return stuck.Task;
        }, TimeSpan.FromMilliseconds(5), capacity: 10);
        feed.Deliver(Tick(0));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        for (var i = 1; i <= 10; i++) feed.Deliver(Tick(i));
        Assert.Equal(1, feed.SubscriberCount);
        feed.Deliver(Tick(11));

        Assert.Equal(0, feed.SubscriberCount);
        stuck.SetResult();
    }

    private static FleetMap Positions(double x) => FleetMap.Of([new TerminalPosition(1, x, x, null, TerminalActivity.Idle)], new DensityGrid(1000), TestData.Now);

    /// <summary>Delivers, then lets the batch interval pass; returns the first batch the subscriber got.</summary>
    private static async Task<IReadOnlyList<LiveEvent>> FirstBatchAsync(FakeTimeProvider clock, LiveFeed feed, IReadOnlyCollection<Type>? eventTypes, params LiveEvent[] events)
    {
        var first = new TaskCompletionSource<IReadOnlyList<LiveEvent>>();
        using var subscription = feed.Subscribe(batch =>
        {
            first.TrySetResult(batch);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(100), eventTypes: eventTypes);
        foreach (var liveEvent in events) feed.Deliver(liveEvent);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        return await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Deliver_EventTypesAskedFor_OnlyThoseReachTheSubscriber()
    {
        var clock = new FakeTimeProvider();

        var batch = await FirstBatchAsync(clock, new LiveFeed(clock), [typeof(FleetTick)], Positions(1), Tick(7), Positions(2));

        Assert.Equal(7, Assert.IsType<FleetTick>(Assert.Single(batch)).Online);
    }

    [Fact]
    public async Task Deliver_AnEventNotAskedFor_IsNeverQueued()
    {
        var clock = new FakeTimeProvider();
        var feed = new LiveFeed(clock);
        var first = new TaskCompletionSource<IReadOnlyList<LiveEvent>>();
        using var subscription = feed.Subscribe(batch =>
        {
            first.TrySetResult(batch);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(100), eventTypes: [typeof(FleetMap)]);

        feed.Deliver(Tick(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        feed.Deliver(Positions(3));
        clock.Advance(TimeSpan.FromMilliseconds(100));

        // Had the tick been queued, it would have made a batch of its own a second before.
        Assert.IsType<FleetMap>(Assert.Single(await first.Task.WaitAsync(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public async Task Deliver_TwoWholeStateEventsInOneInterval_OnlyTheNewestIsSent()
    {
        var clock = new FakeTimeProvider();

        var batch = await FirstBatchAsync(clock, new LiveFeed(clock), null, Positions(1), Tick(5), Positions(2));

        Assert.Equal(2, batch.Count);
        Assert.Equal(5, Assert.IsType<FleetTick>(batch[0]).Online);
        Assert.Equal(2, Assert.IsType<FleetMap>(batch[1]).Positions.Single().X);
    }

    [Fact]
    public void Latest_WholeStateEventsDeliveredOutOfOrder_IsTheNewestWithinItsAge()
    {
        var clock = new FakeTimeProvider(TestData.Now);
        var feed = new LiveFeed(clock);
        feed.Deliver(Positions(2) with { At = TestData.Now });
        feed.Deliver(Positions(1) with { At = TestData.Now.AddSeconds(-1) });

        Assert.Equal(2, feed.Latest<FleetMap>(TimeSpan.FromSeconds(3))!.Positions.Single().X);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Null(feed.Latest<FleetMap>(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Subscribe_ATypeThatIsNoLiveEvent_IsRefused()
    {
        var feed = new LiveFeed(TimeProvider.System);

        var refused = Assert.Throws<ArgumentException>(() => feed.Subscribe(_ => Task.CompletedTask, eventTypes: [typeof(string)]));

        Assert.Contains("String is not a live event type", refused.Message);
        Assert.Equal(0, feed.SubscriberCount);
    }
}
