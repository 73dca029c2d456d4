using FedDashboard.Core.Orchestration.Live;
using Microsoft.AspNetCore.Components;

namespace FedDashboard.Components.Controls;

/// <summary>
/// A page fed by live events: it subscribes before it reads its first state, so nothing that happens in
/// between is lost (events that arrive during the read are applied right after it), and it ends its
/// subscription when the page goes away. It is sent only the event types it shows, and a batch that changed nothing
/// on show (the page says so with <see cref="SkipRender"/>) does not re-render it.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<LiveEvent> _early = [];
    private IDisposable? _subscription;
    private bool _loaded;
    private bool _skipRender;

    [Inject] public required LiveFeed Feed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _subscription = Feed.Subscribe(OnBatchAsync, BatchInterval, eventTypes: ShownEvents);
        await LoadAsync();
        List<LiveEvent> early;
        lock (_gate)
        {
            _loaded = true;
            early = [.. _early];
            _early.Clear();
        }
        if (early.Count > 0) await ApplyAsync(early);
    }

    /// <summary>The live event types the page shows; it gets no others.</summary>
    protected virtual IReadOnlyCollection<Type> ShownEvents => LiveEventTypes.All;

    /// <summary>How long events gather before the page gets them as one batch; null for the feed's default.</summary>
    protected virtual TimeSpan? BatchInterval => null;

    /// <summary>Called from <see cref="ApplyAsync"/>: the batch changed nothing on show, so the page is not re-rendered for it.</summary>
    protected void SkipRender() => _skipRender = true;

    /// <summary>Reads the page's first state from the database.</summary>
    protected abstract Task LoadAsync();

    /// <summary>Applies a batch of events; runs on the page's dispatcher, and the page re-renders afterwards.</summary>
    protected abstract Task ApplyAsync(IReadOnlyList<LiveEvent> batch);

    private Task OnBatchAsync(IReadOnlyList<LiveEvent> batch)
    {
        lock (_gate)
        {
            if (!_loaded)
            {
                _early.AddRange(batch);
                return Task.CompletedTask;
            }
        }
        return InvokeAsync(async () =>
        {
            _skipRender = false;
            await ApplyAsync(batch);
            if (!_skipRender) StateHasChanged();
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
