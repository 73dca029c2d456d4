using FedDashboard.Components.Controls;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib.XAxisLib;
using Plotly.Blazor.Traces.ScatterLib;

namespace FedDashboard.Components.Pages;

public partial class Overview : LivePage
{
    /// <summary>The load chart keeps the last few minutes of fleet ticks.</summary>
    private const int LoadPointsKept = 300;

    /// <summary>
    /// The load chart's time axis spans this much up to the latest tick, sliding with the ticks: fitted to its first
    /// points instead, it spanned milliseconds and labelled them "12:02:04.113".
    /// </summary>
    private static readonly TimeSpan LoadWindow = TimeSpan.FromMinutes(5);

    private readonly Config _chartConfig = ChartDefaults.Config();
    // Rounds as categories: whole-numbered ticks however few rounds there are.
    private readonly Plotly.Blazor.Layout _accuracyLayout = ChartDefaults.AccuracyLayout("round", TypeEnum.Category);
    private readonly Plotly.Blazor.Layout _loadLayout = ChartDefaults.Layout("time", "fraction", TypeEnum.Date, [0, 1], ".0%");
    private IList<ITrace> _accuracyData = [];
    private IList<ITrace> _loadData = [];
    private PlotlyChart? _accuracyChart;
    private PlotlyChart? _loadChart;
    private bool _chartsDrawn;
    private OverviewModel? _model;

    [Inject] public required OverviewQueries Queries { get; set; }

    protected override IReadOnlyCollection<Type> ShownEvents => [typeof(FleetTick), typeof(RoundPhaseChanged), typeof(ModelVersionChanged), typeof(JobChanged)];

    protected override async Task LoadAsync()
    {
        _model = new OverviewModel(await Queries.LoadAsync());
        _accuracyData = [ChartDefaults.Line("accuracy", _model.Accuracy.Select(p => (object)p.Round), _model.Accuracy.Select(p => (object)p.Accuracy), ModeFlag.Lines | ModeFlag.Markers)];
        _loadData =
        [
            ChartDefaults.Line("mean CPU load", [], []),
            ChartDefaults.Line("mean battery", [], []),
        ];
    }

    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        var changes = _model!.Apply(batch);
        if (!_chartsDrawn)
        {
            // Not drawn yet: the points go into the data the first draw shows.
            AppendTo(_accuracyData[0], changes.Accuracy.Select(p => (object)p.Round), changes.Accuracy.Select(p => (object)p.Accuracy));
            return;
        }
        if (changes.Accuracy.Count > 0 && _accuracyChart is not null)
            await _accuracyChart.ExtendTrace(changes.Accuracy.Select(p => (object)p.Round), changes.Accuracy.Select(p => (object)p.Accuracy), 0);
        if (changes.Load.Count > 0 && _loadChart is not null)
        {
            var times = changes.Load.Select(p => (object)p.At.LocalDateTime).ToList();
            await _loadChart.ExtendTraces(
                [times, times],
                [changes.Load.Select(p => (object)p.MeanCpuLoad), changes.Load.Select(p => (object)p.MeanBattery)],
                [0, 1],
                LoadPointsKept);
            var latest = changes.Load[^1].At.LocalDateTime;
            _loadLayout.XAxis[0].Range = [latest - LoadWindow, latest];
            await _loadChart.Relayout();
        }
    }

    private static void AppendTo(ITrace trace, IEnumerable<object> x, IEnumerable<object> y)
    {
        var line = (Plotly.Blazor.Traces.Scatter)trace;
        foreach (var value in x) line.X.Add(value);
        foreach (var value in y) line.Y.Add(value);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_accuracyChart is not null) _chartsDrawn = true;
    }
}
