using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;

namespace FedDashboard.Components.Pages;

/// <remarks>
/// The report is not redrawn by itself as rounds are rewarded, which would reset the tables' pages under the reader:
/// it says how many new rewards arrived and redraws on Refresh.
/// </remarks>
public partial class Rewards : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private int _newRewards;
    private IReadOnlyList<ReportChoice> _jobs = [];
    private IReadOnlyList<ReportChoice> _edges = [];
    private LedgerFilter _filter = new();
    private ReportPeriod _period = ReportPeriod.Day;
    private PickedDays _days = new();
    private string? _error;
    private RewardReport? _report;

    /// <summary>Counts loads: the report's charts and tables are new components for each, so they draw and page the new figures.</summary>
    private int _version;

    [Inject] public required RewardReportQueries Queries { get; set; }
    [Inject] public required LiveFeed Feed { get; set; }

    private string PeriodTitle => _period == ReportPeriod.Day ? "Day" : $"{_period} from";

    /// <summary>The report loads once the page is interactive: prerendering would add the ledger up twice for one visit.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _subscription = Feed.Subscribe(CountNewRewardsAsync);
        (_jobs, _edges) = await Queries.ChoicesAsync();
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var (filter, period) = (_filter, _period);
        _error = _days.Problem ?? filter.Problem;
        if (_error is not null) return;
        var newBefore = _newRewards;
        var report = await Queries.LoadAsync(filter, period);
        // A later choice is loading: its report, not this one, is the page's.
        if (filter != _filter || period != _period) return;
        _report = report;
        // What arrived while the report was added up may or may not be in it; only what came before surely is.
        _newRewards -= newBefore;
        _version++;
    }

    private Task CountNewRewardsAsync(IReadOnlyList<LiveEvent> batch)
    {
        var rewards = batch.OfType<RoundRewarded>().Sum(r => r.Rewards);
        return rewards == 0 ? Task.CompletedTask : InvokeAsync(() =>
        {
            _newRewards += rewards;
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task ApplyAsync(LedgerFilter filter)
    {
        _filter = filter;
        return LoadAsync();
    }

    private Task SetDaysAsync(PickedDays days)
    {
        _days = days;
        return ApplyAsync(_filter with { From = days.Start, To = days.End });
    }

    private Task SetPeriodAsync(ReportPeriod period)
    {
        _period = period;
        return LoadAsync();
    }

    private Task<ReportPage<TerminalTotal>> LoadTerminalsAsync(int page, int size, CancellationToken ct) => Queries.TerminalsAsync(_filter, page, size, ct);

    private Task<ReportPage<RoundTotal>> LoadRoundsAsync(int page, int size, CancellationToken ct) => Queries.RoundsAsync(_filter, page, size, ct);

    /// <summary>Not for a bad filter, nor for one the report found no entries for (the export would answer 404).</summary>
    private bool CanExport => _error is null && _report is not { Totals.Count: 0 };

    private string ExportHref(string path) => path.TrimStart('/') + _filter.ToQueryString();
}
