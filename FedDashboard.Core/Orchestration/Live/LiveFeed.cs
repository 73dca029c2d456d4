using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FedDashboard.Core.Orchestration.Live;

/// <summary>
/// This node's in-process fan-out of live events to pages. Each subscriber gets its events in batches,
/// at most one batch per interval, on a thread-pool thread; the subscriber marshals to its UI itself.
/// A subscriber whose handler throws, or that falls <see cref="DefaultCapacity"/> events behind, is unsubscribed.
/// The newest <see cref="IWholeStateEvent"/> of each type stays at hand (<see cref="Latest{T}"/>) for a page's first render.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger, TimeProvider clock)
{
    private ImmutableArray<LiveSubscription> _subscriptions = [];
    private readonly ConcurrentDictionary<Type, LiveEvent> _latest = new();

    public static readonly TimeSpan DefaultBatchInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Far more than one batch interval gathers (a fleet tick brings two events, a round a few per participant): a
    /// subscriber this far behind has stopped taking its events.
    /// </summary>
    public const int DefaultCapacity = 10_000;

    public LiveFeed(TimeProvider clock) : this(NullLogger<LiveFeed>.Instance, clock)
    {
    }

    public int SubscriberCount => _subscriptions.Length;

    /// <summary>The caller disposes the returned subscription when it no longer wants events.</summary>
    /// <param name="eventTypes">The only event types the subscriber gets (types of <see cref="LiveEventTypes.All"/>); null for all of them.</param>
    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> onBatch, TimeSpan? batchInterval = null, int capacity = DefaultCapacity,
        IReadOnlyCollection<Type>? eventTypes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (eventTypes?.FirstOrDefault(type => !LiveEventTypes.All.Contains(type)) is { } unknown)
            throw new ArgumentException($"{unknown.Name} is not a live event type; the types are {string.Join(", ", LiveEventTypes.All.Select(t => t.Name))}.", nameof(eventTypes));
        var subscription = new LiveSubscription(onBatch, batchInterval ?? DefaultBatchInterval, clock, capacity, eventTypes?.ToFrozenSet(), Remove);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    public void Deliver(LiveEvent liveEvent)
    {
        // Events from other nodes may overtake each other: an older state never replaces a newer one.
        if (liveEvent is IWholeStateEvent)
            _latest.AddOrUpdate(liveEvent.GetType(), liveEvent, (_, held) => liveEvent.At >= held.At ? liveEvent : held);
        foreach (var subscription in _subscriptions) subscription.Enqueue(liveEvent);
    }

    /// <summary>The newest event of this type delivered to this node, if it is at most <paramref name="maxAge"/> old.</summary>
    public T? Latest<T>(TimeSpan maxAge) where T : LiveEvent, IWholeStateEvent =>
        _latest.TryGetValue(typeof(T), out var held) && clock.GetUtcNow() - held.At <= maxAge ? (T)held : null;

    private void Remove(LiveSubscription subscription, Exception? reason)
    {
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));
        if (reason is not null) logger.LogWarning(reason, "A live subscriber was dropped; its page gets no more live updates.");
    }
}
