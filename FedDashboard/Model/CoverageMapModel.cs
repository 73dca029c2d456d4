using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Live;


namespace FedDashboard.Model;

/// <summary>The markers of one activity: one plot trace, so the legend names the colours.</summary>
/// <param name="Ids">The terminals, in marker order: a click on a marker opens its terminal.</param>
/// <param name="Symbols">Plotly marker symbols: a diamond for an agent, a circle for a simulated terminal.</param>
public sealed record ActivityMarkers(TerminalActivity Activity, IReadOnlyList<int> Ids, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<string> Hover, IReadOnlyList<string> Symbols);

/// <summary>
/// The coverage map's terminals, started from the database and moved by the fleet's live position ticks; no rendering
/// involved. Up to <see cref="DensityAbove"/> terminals the map draws each one; beyond, it draws how many each cell of a
/// <see cref="DensityGrid"/> holds, and only the terminals of the operator's <see cref="Selection"/> one by one.
/// </summary>
public sealed class CoverageMapModel
{
    public static readonly IReadOnlyList<TerminalActivity> Activities = Enum.GetValues<TerminalActivity>();

    /// <summary>Beyond this many terminals markers cover each other and cost the browser more than they show.</summary>
    public const int DensityAbove = 2_000;

    /// <summary>The most terminals of a selection drawn one by one: what a viewer receives stays the same however big the fleet.</summary>
    public const int DetailLimit = 500;

    private readonly Dictionary<int, MapTerminal> _terminals;
    private readonly Dictionary<int, string> _edgeNames;

    public CoverageMapModel(CoverageMapState initial)
    {
        MapSize = initial.MapSize;
        Edges = initial.Edges;
        _edgeNames = initial.Edges.ToDictionary(e => e.Id, e => e.Name);
        _terminals = initial.Terminals.ToDictionary(t => t.Id);
        Grid = new DensityGrid(initial.MapSize);
    }

    public DensityGrid Grid { get; }

    public bool ShowsDensity => Total > DensityAbove;

    public MapSelection? Selection { get; private set; }

    public double MapSize { get; }
    public IReadOnlyList<EdgeCircle> Edges { get; }
    public DateTimeOffset? LastTick { get; private set; }

    public MapTerminal? Terminal(int id) => _terminals.GetValueOrDefault(id);

    public int Count(TerminalActivity activity) => _terminals.Values.Count(t => t.Activity == activity);

    public const string AgentSymbol = "diamond";
    public const string SimulatedSymbol = "circle";

    public int Total => _terminals.Count;

    public int Agents => _terminals.Values.Count(t => t.IsAgent);

    /// <summary>
    /// Applies a batch; only the newest position tick matters, as each one carries the whole fleet.
    /// Returns whether the markers changed. Terminals the page has not seen yet (added after it opened) are skipped.
    /// </summary>
    public bool Apply(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.OfType<FleetPositions>().LastOrDefault() is not { } newest) return false;
        foreach (var position in newest.Terminals)
        {
            if (_terminals.TryGetValue(position.TerminalId, out var terminal))
                _terminals[position.TerminalId] = terminal with { X = position.X, Y = position.Y, EdgeId = position.EdgeId, Activity = position.Activity };
        }
        LastTick = newest.At;
        return true;
    }

    /// <summary>Selects what a map showing density draws one by one; null for nothing. An unknown edge is refused.</summary>
    public void Select(MapSelection? selection)
    {
        if (selection is SelectedEdge { EdgeId: var id } && !_edgeNames.ContainsKey(id)) throw new ArgumentException($"There is no edge #{id} on the map.", nameof(selection));
        Selection = selection;
    }

    /// <summary>
    /// The terminals drawn one by one: all of them up to <see cref="DensityAbove"/>, else the selection's first
    /// <see cref="DetailLimit"/> by id (the same ones from tick to tick, so the markers move rather than swap).
    /// One entry per activity, always in <see cref="Activities"/> order, so trace indices stay fixed.
    /// </summary>
    public IReadOnlyList<ActivityMarkers> Markers()
    {
        var drawn = ShowsDensity ? Selected().Take(DetailLimit) : _terminals.Values.OrderBy(t => t.Id);
        var byActivity = drawn.ToLookup(t => t.Activity);
        return [.. Activities.Select(activity =>
        {
            var terminals = byActivity[activity].ToList();
            return new ActivityMarkers(activity, [.. terminals.Select(t => t.Id)], [.. terminals.Select(t => t.X)], [.. terminals.Select(t => t.Y)],
                [.. terminals.Select(HoverText)], [.. terminals.Select(t => t.IsAgent ? AgentSymbol : SimulatedSymbol)]);
        })];
    }

    /// <summary>The terminals per cell of <see cref="Grid"/>.</summary>
    public int?[][] Density() => Grid.Count(_terminals.Values);

    /// <summary>What the selection holds and how much of it is drawn; null without a selection.</summary>
    public MapDetail? Detail()
    {
        if (Selection is null) return null;
        var total = Selected().Count();
        var what = Selection switch
        {
            SelectedEdge edge => $"terminals in {EdgeName(edge.EdgeId)}",
            SelectedCell { Cell: var cell } => $"terminals in the cell x {cell.Column * Grid.CellSize:0}–{(cell.Column + 1) * Grid.CellSize:0}, y {cell.Row * Grid.CellSize:0}–{(cell.Row + 1) * Grid.CellSize:0}",
            _ => throw new InvalidOperationException($"Unknown selection {Selection}."),
        };
        return new MapDetail(what, Math.Min(total, DetailLimit), total);
    }

    private IEnumerable<MapTerminal> Selected() => Selection switch
    {
        null => [],
        SelectedEdge edge => _terminals.Values.Where(t => t.EdgeId == edge.EdgeId).OrderBy(t => t.Id),
        SelectedCell cell => _terminals.Values.Where(t => Grid.Contains(cell.Cell, t.X, t.Y)).OrderBy(t => t.Id),
        _ => throw new InvalidOperationException($"Unknown selection {Selection}."),
    };

    public string EdgeName(int? edgeId) =>
        edgeId is { } id ? _edgeNames.GetValueOrDefault(id, $"edge #{id}") : "out of coverage";

    private string HoverText(MapTerminal terminal) =>
        $"{terminal.Name}{(terminal.IsAgent ? " (agent)" : "")}<br>{EdgeName(terminal.EdgeId)}<br>{TerminalActivities.Label(terminal.Activity)}";
}
