using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Live;


namespace FedDashboard.Model;

/// <summary>The markers of one activity: one plot trace, so the legend names the colours.</summary>
/// <param name="Ids">The terminals, in marker order: a click on a marker opens its terminal.</param>
/// <param name="Symbols">Plotly marker symbols: a diamond for an agent, a circle for a simulated terminal.</param>
public sealed record ActivityMarkers(TerminalActivity Activity, IReadOnlyList<int> Ids, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<string> Hover, IReadOnlyList<string> Symbols);

/// <summary>
/// The coverage map's terminals, started from the database and moved by the fleet's live map ticks; no rendering
/// involved. Up to <see cref="DensityAbove"/> terminals the map draws each one; beyond, it draws how many each cell of a
/// <see cref="DensityGrid"/> holds, as the ticks count them, and only the terminals of the operator's
/// <see cref="Selection"/> one by one, as the page reads them from the database (<see cref="ShowDetail"/>).
/// </summary>
public sealed class CoverageMapModel
{
    public static readonly IReadOnlyList<TerminalActivity> Activities = Enum.GetValues<TerminalActivity>();

    /// <summary>Beyond this many terminals markers cover each other and cost the browser more than they show.</summary>
    public const int DensityAbove = FleetMap.PositionsUpTo;

    /// <summary>The most terminals of a selection drawn one by one: what a viewer receives stays the same however big the fleet.</summary>
    public const int DetailLimit = 500;

    private readonly Dictionary<int, MapTerminal> _terminals;
    private readonly Dictionary<int, string> _edgeNames;
    private FleetMap? _newest;
    private IReadOnlyList<MapTerminal> _detail = [];
    private int _detailTotal;

    public CoverageMapModel(CoverageMapState initial)
    {
        MapSize = initial.MapSize;
        Edges = initial.Edges;
        _edgeNames = initial.Edges.ToDictionary(e => e.Id, e => e.Name);
        _terminals = initial.Terminals.ToDictionary(t => t.Id);
        _newest = initial.Counted;
        Agents = initial.Agents ?? initial.Terminals.Count(t => t.IsAgent);
        Grid = new DensityGrid(initial.MapSize);
    }

    public DensityGrid Grid { get; }

    public bool ShowsDensity => Total > DensityAbove;

    /// <summary>The selection shows with terminals the page read; only where the map shows density.</summary>
    public bool NeedsDetail => ShowsDensity && Selection is not null;

    public MapSelection? Selection { get; private set; }

    public double MapSize { get; }
    public IReadOnlyList<EdgeCircle> Edges { get; }
    public DateTimeOffset? LastTick { get; private set; }

    public MapTerminal? Terminal(int id) => _terminals.GetValueOrDefault(id);

    public int Count(TerminalActivity activity) =>
        _newest is { } map ? map.Edges.Where(e => e.Activity == activity).Sum(e => e.Terminals) : _terminals.Values.Count(t => t.Activity == activity);

    public const string AgentSymbol = "diamond";
    public const string SimulatedSymbol = "circle";

    public int Total => _newest?.Terminals ?? _terminals.Count;

    public int Agents { get; }

    /// <summary>
    /// Applies a batch; only the newest map tick matters, as each one carries the whole fleet: its counts, and the positions
    /// of a fleet small enough to carry them. Returns whether the map changed. Terminals the page has not seen yet (added
    /// after it opened) are skipped.
    /// </summary>
    public bool Apply(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.OfType<FleetMap>().LastOrDefault() is not { } newest) return false;
        foreach (var position in newest.Positions)
        {
            if (_terminals.TryGetValue(position.TerminalId, out var terminal))
                _terminals[position.TerminalId] = terminal with { X = position.X, Y = position.Y, EdgeId = position.EdgeId, Activity = position.Activity };
        }
        _newest = newest;
        LastTick = newest.At;
        return true;
    }

    /// <summary>The selection's terminals as the page read them (at most <see cref="DetailLimit"/>) of <paramref name="total"/>.</summary>
    public void ShowDetail(IReadOnlyList<MapTerminal> terminals, int total)
    {
        _detail = terminals;
        _detailTotal = total;
    }

    /// <summary>Selects what a map showing density draws one by one; null for nothing. An unknown edge is refused.</summary>
    public void Select(MapSelection? selection)
    {
        if (selection is SelectedEdge { EdgeId: var id } && !_edgeNames.ContainsKey(id)) throw new ArgumentException($"There is no edge #{id} on the map.", nameof(selection));
        Selection = selection;
        ShowDetail([], 0);
    }

    /// <summary>
    /// The terminals drawn one by one: all of them up to <see cref="DensityAbove"/>, else the selection's first
    /// <see cref="DetailLimit"/> by id (the same ones from tick to tick, so the markers move rather than swap).
    /// One entry per activity, always in <see cref="Activities"/> order, so trace indices stay fixed.
    /// </summary>
    public IReadOnlyList<ActivityMarkers> Markers()
    {
        IEnumerable<MapTerminal> drawn = ShowsDensity ? _detail : _terminals.Values.OrderBy(t => t.Id);
        var byActivity = drawn.ToLookup(t => t.Activity);
        return [.. Activities.Select(activity =>
        {
            var terminals = byActivity[activity].ToList();
            return new ActivityMarkers(activity, [.. terminals.Select(t => t.Id)], [.. terminals.Select(t => t.X)], [.. terminals.Select(t => t.Y)],
                [.. terminals.Select(HoverText)], [.. terminals.Select(t => t.IsAgent ? AgentSymbol : SimulatedSymbol)]);
        })];
    }

    /// <summary>The terminals per cell of <see cref="Grid"/>, as the newest tick counted them (before the first, as the page opened).</summary>
    public int?[][] Density() => DensityGrid.Table(_newest?.Cells ?? Grid.Count(_terminals.Values.Select(t => (t.X, t.Y))));

    /// <summary>What the selection holds and how much of it is drawn; null without a selection.</summary>
    public MapDetail? Detail()
    {
        if (Selection is null) return null;
        var what = Selection switch
        {
            SelectedEdge edge => $"terminals in {EdgeName(edge.EdgeId)}",
            SelectedCell { Cell: var cell } => $"terminals in the cell x {cell.Column * Grid.CellSize:0}–{(cell.Column + 1) * Grid.CellSize:0}, y {cell.Row * Grid.CellSize:0}–{(cell.Row + 1) * Grid.CellSize:0}",
            _ => throw new InvalidOperationException($"Unknown selection {Selection}."),
        };
        return new MapDetail(what, _detail.Count, _detailTotal);
    }

    public string EdgeName(int? edgeId) =>
        edgeId is { } id ? _edgeNames.GetValueOrDefault(id, $"edge #{id}") : "out of coverage";

    private string HoverText(MapTerminal terminal) =>
        $"{terminal.Name}{(terminal.IsAgent ? " (agent)" : "")}<br>{EdgeName(terminal.EdgeId)}<br>{TerminalActivities.Label(terminal.Activity)}";
}
