namespace FedDashboard.Core.Live;

/// <summary>One subscriber's buffer: events gather until the interval passes, then go out as one batch.</summary>
internal sealed class LiveSubscription : IDisposable
{
    private readonly Func<IReadOnlyList<LiveEvent>, Task> _onBatch;
    private readonly TimeSpan _interval;
    private readonly Action<LiveSubscription> _onDispose;
    private readonly Lock _gate = new();
    private List<LiveEvent> _pending = [];
    private bool _flushScheduled;
    private bool _disposed;

    public LiveSubscription(Func<IReadOnlyList<LiveEvent>, Task> onBatch, TimeSpan interval, Action<LiveSubscription> onDispose)
    {
        _onBatch = onBatch;
        _interval = interval;
        _onDispose = onDispose;
    }

    public void Enqueue(LiveEvent liveEvent)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _pending.Add(liveEvent);
            if (_flushScheduled) return;
            _flushScheduled = true;
        }
        _ = FlushAfterIntervalAsync();
    }

    /// <summary>One flusher per subscription at a time, so batches reach the subscriber in order and never overlap.</summary>
    private async Task FlushAfterIntervalAsync()
    {
        while (true)
        {
            await Task.Delay(_interval);
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
                // The page went away between the batch and its render; nothing to update.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _pending = [];
        }
        _onDispose(this);
    }
}
