using FedDashboard.Components.Controls;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

/// <summary>
/// The fleet a page at a time: the database filters, sorts and pages. Live events refresh only the rows on show —
/// when a participation of one of them changes, and at most every <see cref="RefreshEvery"/> for their telemetry —
/// and which terminals are on show changes only when the operator pages, sorts or filters. The first page is read while
/// prerendering, shown at once, and carried into the interactive render, whose grid starts from it instead of reading it again.
/// </summary>
public partial class Terminals : LivePage
{
    /// <summary>Telemetry ticks every second; the rows on show are re-read at most this often for it.</summary>
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The rows on show are re-read at most this often for their participations, as often as the map redraws: in a big
    /// fleet's rounds those change several times a second, and each re-read sends the cells that changed.
    /// </summary>
    private static readonly TimeSpan ParticipationsEvery = TimeSpan.FromSeconds(2);

    private const int PageSize = 25;

    private MudDataGrid<TerminalRow>? _grid;
    private TerminalListFilter _filter = new();
    private IReadOnlyList<TerminalRow> _shown = [];
    private int _total;
    private bool _refreshShownOnly;
    private DateTimeOffset _now;

    /// <summary>The edges to filter by.</summary>
    [PersistentState] public IReadOnlyList<EdgeChoice>? Edges { get; set; }

    /// <summary>The unfiltered, unsorted first page, until the grid's first load has taken it.</summary>
    [PersistentState] public TerminalPage? FirstPage { get; set; }

    [Inject] public required TerminalQueries Queries { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }

    protected override IReadOnlyCollection<Type> ShownEvents => [typeof(ParticipantChanged), typeof(FleetTick)];

    protected override TimeSpan? BatchInterval => ParticipationsEvery;

    protected override async Task LoadAsync()
    {
        Edges ??= await Queries.EdgeChoicesAsync();
        // Interactive, the grid reads its pages itself; only prerendering reads the first one here.
        if (!RendererInfo.IsInteractive) FirstPage ??= await Queries.PageAsync(_filter, [], 0, PageSize);
        if (FirstPage is not null) (_shown, _total) = (FirstPage.Rows, FirstPage.Total);
        _now = Clock.GetUtcNow();
    }

    private async Task<GridData<TerminalRow>> LoadPageAsync(GridState<TerminalRow> state, CancellationToken ct)
    {
        var prerendered = FirstPage;
        FirstPage = null; // good for the grid's first load only
        if (_refreshShownOnly)
        {
            _refreshShownOnly = false;
            _shown = await Queries.RowsAsync([.. _shown.Select(r => r.Id)], ct);
        }
        else if (prerendered is not null && state.Page == 0 && state.PageSize == PageSize && state.SortDefinitions.Count == 0 && _filter == new TerminalListFilter())
            _shown = prerendered.Rows;
        else
        {
            var sorts = state.SortDefinitions.Select(s => new TerminalSort(s.SortBy, s.Descending)).ToList();
            var page = await Queries.PageAsync(_filter, sorts, state.Page, state.PageSize, ct);
            _shown = page.Rows;
            if (_total != page.Total)
            {
                _total = page.Total;
                StateHasChanged(); // the count sits outside the grid, which re-renders only itself
            }
        }
        _now = Clock.GetUtcNow();
        return new GridData<TerminalRow> { Items = _shown, TotalItems = _total };
    }

    private async Task FilterAsync(TerminalListFilter filter)
    {
        _filter = filter;
        if (_grid is not null) await _grid.ReloadServerData();
    }

    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        // The grid re-renders itself when it reloads; the rest of the page has nothing new to show.
        SkipRender();
        if (_grid is null || _shown.Count == 0 || !Concerns(batch)) return;
        _refreshShownOnly = true;
        await _grid.ReloadServerData();
    }

    private bool Concerns(IReadOnlyList<LiveEvent> batch)
    {
        var shown = _shown.Select(r => r.Id).ToHashSet();
        return batch.Any(e => e is ParticipantChanged p && shown.Contains(p.TerminalId))
            || (batch.Any(e => e is FleetTick) && Clock.GetUtcNow() - _now >= RefreshEvery);
    }
}
