using System.Collections.Immutable;

namespace FedDashboard.Core.Live;

/// <summary>
/// This node's in-process fan-out of live events to pages. Each subscriber gets its events in batches,
/// at most one batch per interval, on a thread-pool thread; the subscriber marshals to its UI itself.
/// </summary>
public sealed class LiveFeed
{
    private ImmutableArray<LiveSubscription> _subscriptions = [];

    public static readonly TimeSpan DefaultBatchInterval = TimeSpan.FromMilliseconds(150);

    public int SubscriberCount => _subscriptions.Length;

    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> onBatch, TimeSpan? batchInterval = null)
    {
        var subscription = new LiveSubscription(onBatch, batchInterval ?? DefaultBatchInterval, Remove);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    public void Deliver(LiveEvent liveEvent)
    {
        foreach (var subscription in _subscriptions) subscription.Enqueue(liveEvent);
    }

    private void Remove(LiveSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));
}
