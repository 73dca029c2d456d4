using Microsoft.Extensions.Logging;
using System.Threading.Channels;

namespace FedDashboard.Core.Orchestration.Live;

/// <summary>
/// Delivers each event to this node's feed at once, then hands it to the outlets from one background loop in publish
/// order, so an outlet that is slow or unreachable (Redis down) never holds up the round that published: up to
/// <see cref="Backlog"/> events wait for it, then the oldest are dropped. Thread-safe; one per process.
/// </summary>
public sealed class LivePublisher : ILivePublisher, IAsyncDisposable
{
    /// <summary>Far more than an outlet that works falls behind (see <see cref="LiveFeed.DefaultCapacity"/>).</summary>
    public const int Backlog = LiveFeed.DefaultCapacity;

    private static readonly TimeSpan DrainOnDispose = TimeSpan.FromSeconds(5);

    private readonly LiveFeed _feed;
    private readonly OutletState[] _outlets;
    private readonly ILogger<LivePublisher> _logger;
    private readonly Channel<LiveEvent>? _pending;
    private readonly Task _sending = Task.CompletedTask;
    private int _dropping;

    public LivePublisher(LiveFeed feed, IEnumerable<ILiveOutlet> outlets, ILogger<LivePublisher> logger)
    {
        _feed = feed;
        _outlets = [.. outlets.Select(o => new OutletState(o))];
        _logger = logger;
        if (_outlets.Length == 0) return;
        _pending = Channel.CreateBounded<LiveEvent>(
            new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest }, Dropped);
        _sending = Task.Run(SendAllAsync);
    }

    public Task PublishAsync(LiveEvent liveEvent)
    {
        _feed.Deliver(liveEvent);
        _pending?.Writer.TryWrite(liveEvent);
        return Task.CompletedTask;
    }

    private async Task SendAllAsync()
    {
        await foreach (var liveEvent in _pending!.Reader.ReadAllAsync())
        {
            foreach (var outlet in _outlets) await SendAsync(outlet, liveEvent);
            if (_pending.Reader.Count == 0) Interlocked.Exchange(ref _dropping, 0);
        }
    }

    private async Task SendAsync(OutletState outlet, LiveEvent liveEvent)
    {
        try
        {
            await outlet.Outlet.SendAsync(liveEvent);
            if (!outlet.Failing) return;
            outlet.Failing = false;
            _logger.LogInformation("Live events reach {Outlet} again.", outlet.Name);
        }
        catch (Exception exception)
        {
            // Once per outage: a fleet tick every second would otherwise repeat the warning for as long as it lasts.
            if (outlet.Failing) return;
            outlet.Failing = true;
            _logger.LogWarning(exception, "Live events do not reach {Outlet}; the pages it serves miss them until it is back.", outlet.Name);
        }
    }

    private void Dropped(LiveEvent liveEvent)
    {
        if (Interlocked.Exchange(ref _dropping, 1) == 0)
            _logger.LogWarning("The live outlets are {Backlog} events behind; the oldest are dropped (first: {Event}).", Backlog, liveEvent.GetType().Name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pending is null) return;
        _pending.Writer.TryComplete();
        try
        {
            await _sending.WaitAsync(DrainOnDispose);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Stopped with live events still waiting for an outlet.");
        }
    }

    /// <summary>Touched by the sending loop only.</summary>
    private sealed class OutletState(ILiveOutlet outlet)
    {
        public ILiveOutlet Outlet { get; } = outlet;
        public string Name { get; } = outlet.GetType().Name;
        public bool Failing { get; set; }
    }
}
