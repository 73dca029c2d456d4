using System.Collections.Frozen;

namespace FedDashboard.Core.Orchestration.Live;

/// <summary>
/// One subscriber's buffer: events gather until the interval passes, then go out as one batch. A subscriber that
/// throws, or falls so far behind that its buffer is full, is dropped: a page that cannot take its events any more
/// must not make the feed hold them for ever. Only the event types asked for are taken, and a newer
/// <see cref="IWholeStateEvent"/> replaces an older one of its type still waiting.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    private readonly Func<IReadOnlyList<LiveEvent>, Task> _onBatch;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly int _capacity;
    private readonly FrozenSet<Type>? _eventTypes;
    private readonly Action<LiveSubscription, Exception?> _onEnd;
    private readonly Lock _gate = new();
    private List<LiveEvent> _pending = [];
    private bool _flushScheduled;
    private bool _disposed;

    public LiveSubscription(Func<IReadOnlyList<LiveEvent>, Task> onBatch, TimeSpan interval, TimeProvider clock, int capacity, FrozenSet<Type>? eventTypes,
        Action<LiveSubscription, Exception?> onEnd)
    {
        _eventTypes = eventTypes;
        _onBatch = onBatch;
        _interval = interval;
        _clock = clock;
        _capacity = capacity;
        _onEnd = onEnd;
    }

    public void Enqueue(LiveEvent liveEvent)
    {
        if (_eventTypes?.Contains(liveEvent.GetType()) == false) return;
        bool overflowed;
        lock (_gate)
        {
            if (_disposed) return;
            if (liveEvent is IWholeStateEvent) _pending.RemoveAll(waiting => waiting.GetType() == liveEvent.GetType());
            overflowed = _pending.Count >= _capacity;
            if (!overflowed)
            {
                _pending.Add(liveEvent);
                if (_flushScheduled) return;
                _flushScheduled = true;
            }
        }
        if (overflowed) End(new InvalidOperationException($"The subscriber fell {_capacity:N0} events behind."));
        else _ = FlushAfterIntervalAsync();
    }

    /// <summary>One flusher per subscription at a time, so batches reach the subscriber in order and never overlap.</summary>
    private async Task FlushAfterIntervalAsync()
    {
        while (true)
        {
            await Task.Delay(_interval, _clock);
            List<LiveEvent> batch;
            lock (_gate)
            {
                if (_disposed || _pending.Count == 0)
                {
                    _flushScheduled = false;
                    return;
                }
                batch = _pending;
                _pending = [];
            }
            try
            {
                await _onBatch(batch);
            }
            catch (ObjectDisposedException)
            {
                // The page went away between the batch and its render: nothing to update, now or later.
                End(null);
                return;
            }
            catch (Exception exception)
            {
                End(exception);
                return;
            }
        }
    }

    public void Dispose() => End(null);

    private void End(Exception? reason)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _pending = [];
        }
        _onEnd(this, reason);
    }
}
