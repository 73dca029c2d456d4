using FedDashboard.Components.Controls;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Interop;
using System.Globalization;

namespace FedDashboard.Components.Pages;

public partial class CoverageMap : LivePage
{
    /// <summary>Each map tick carries the whole fleet's counts; the map takes the newest at most this often.</summary>
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromSeconds(2);

    private readonly Config _config = ChartDefaults.Config();
    private Plotly.Blazor.Layout _layout = new();
    private IList<ITrace> _data = [];
    private PlotlyChart? _chart;
    private bool _drawn;
    private CoverageMapModel? _model;

    /// <summary>The first state, read while prerendering and carried into the interactive render, which does not read it again.</summary>
    [PersistentState] public CoverageMapState? Initial { get; set; }

    [Inject] public required CoverageMapQueries Queries { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }

    protected override IReadOnlyCollection<Type> ShownEvents => [typeof(FleetMap)];

    protected override TimeSpan? BatchInterval => RedrawEvery;

    protected override async Task LoadAsync()
    {
        Initial ??= await Queries.LoadAsync();
        _model = new CoverageMapModel(Initial);
        if (RendererInfo.IsInteractive) Initial = null; // taken: live map ticks move the model from here on
        _layout = CoverageMapChart.Layout(_model);
        _data = CoverageMapChart.Traces(_model);
    }

    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        if (!_model!.Apply(batch))
        {
            SkipRender();
            return;
        }
        await ReadDetailAsync();
        await RedrawAsync(density: true);
    }

    private async Task RedrawAsync(bool density)
    {
        if (!_drawn || _chart is null)
        {
            // Not drawn yet: the first draw shows the newest state.
            _data = CoverageMapChart.Traces(_model!);
            return;
        }
        if (density && _model!.ShowsDensity) await _chart.Update(CoverageMapChart.DensityUpdate(_model), null, [0]);
        // Only the markers' data changes: one restyle of the activity traces, the map and circles stay as they are.
        var markers = _model!.Markers();
        await _chart.Update(CoverageMapChart.MarkerUpdate(markers), null, Enumerable.Range(CoverageMapChart.FirstMarkerTrace(_model), markers.Count));
    }

    private async Task SelectAsync(MapSelection? selection)
    {
        _model!.Select(selection);
        await ReadDetailAsync();
        await RedrawAsync(density: false);
    }

    /// <summary>A big fleet's selected terminals come from the database, not the ticks: what the page receives stays the same however big the fleet.</summary>
    private async Task ReadDetailAsync()
    {
        if (!_model!.NeedsDetail) return;
        var (terminals, total) = await Queries.DetailAsync(_model.Selection!, _model.Grid, CoverageMapModel.DetailLimit);
        _model.ShowDetail(terminals, total);
    }

    /// <summary>A click on a density cell draws its terminals; one on a terminal's marker opens the terminal.</summary>
    private void OnClick(IEnumerable<EventDataPoint> points)
    {
        if (_model is null || points.FirstOrDefault() is not { } point) return;
        var firstMarkers = CoverageMapChart.FirstMarkerTrace(_model);
        if (Coordinate(point.CurveNumber) is { } curve && curve >= firstMarkers && Coordinate(point.PointNumber) is { } index)
        {
            var ids = _model.Markers()[(int)curve - firstMarkers].Ids;
            if (index < ids.Count) Navigation.NavigateTo($"terminals/{ids[(int)index]}");
            return;
        }
        if (_model.ShowsDensity && Coordinate(point.X) is { } x && Coordinate(point.Y) is { } y)
            _ = InvokeAsync(async () =>
            {
                await SelectAsync(new SelectedCell(_model.Grid.CellOf(x, y)));
                StateHasChanged();
            });
    }

    /// <summary>Plotly's event values arrive as JSON numbers.</summary>
    private static double? Coordinate(object? value) =>
        double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private async void SubscribeClicks()
    {
        if (_chart is not null) await _chart.SubscribeClickEvent();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_chart is not null) _drawn = true;
    }
}
