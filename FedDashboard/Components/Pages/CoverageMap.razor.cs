using FedDashboard.Components.Controls;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace FedDashboard.Components.Pages;

public partial class CoverageMap : LivePage
{
    private readonly Config _config = ChartDefaults.Config();
    private Plotly.Blazor.Layout _layout = new();
    private IList<ITrace> _data = [];
    private PlotlyChart? _chart;
    private bool _drawn;
    private CoverageMapModel? _model;

    [Inject] public required CoverageMapQueries Queries { get; set; }

    protected override async Task LoadAsync()
    {
        _model = new CoverageMapModel(await Queries.LoadAsync());
        _layout = CoverageMapChart.Layout(_model);
        _data = CoverageMapChart.Traces(_model.Markers());
    }

    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        if (!_model!.Apply(batch)) return;
        var markers = _model.Markers();
        if (!_drawn || _chart is null)
        {
            // Not drawn yet: the first draw shows the newest positions.
            _data = CoverageMapChart.Traces(markers);
            return;
        }
        // Only the markers' data changes: one restyle of the activity traces, the map and circles stay as they are.
        await _chart.Update(CoverageMapChart.MarkerUpdate(markers), null, Enumerable.Range(0, markers.Count));
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_chart is not null) _drawn = true;
    }
}
