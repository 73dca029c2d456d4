using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Live;


namespace FedDashboard.Model;

/// <summary>The markers of one activity: one plot trace, so the legend names the colours.</summary>
/// <param name="Symbols">Plotly marker symbols: a diamond for an agent, a circle for a simulated terminal.</param>
public sealed record ActivityMarkers(TerminalActivity Activity, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<string> Hover, IReadOnlyList<string> Symbols);

/// <summary>The coverage map's terminals, started from the database and moved by the fleet's live position ticks; no rendering involved.</summary>
public sealed class CoverageMapModel
{
    public static readonly IReadOnlyList<TerminalActivity> Activities = Enum.GetValues<TerminalActivity>();

    private readonly Dictionary<int, MapTerminal> _terminals;
    private readonly Dictionary<int, string> _edgeNames;

    public CoverageMapModel(CoverageMapState initial)
    {
        MapSize = initial.MapSize;
        Edges = initial.Edges;
        _edgeNames = initial.Edges.ToDictionary(e => e.Id, e => e.Name);
        _terminals = initial.Terminals.ToDictionary(t => t.Id);
    }

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

    /// <summary>One entry per activity, always in <see cref="Activities"/> order, so trace indices stay fixed.</summary>
    public IReadOnlyList<ActivityMarkers> Markers()
    {
        var byActivity = _terminals.Values.OrderBy(t => t.Id).ToLookup(t => t.Activity);
        return [.. Activities.Select(activity =>
        {
            var terminals = byActivity[activity].ToList();
            return new ActivityMarkers(activity, [.. terminals.Select(t => t.X)], [.. terminals.Select(t => t.Y)], [.. terminals.Select(HoverText)],
                [.. terminals.Select(t => t.IsAgent ? AgentSymbol : SimulatedSymbol)]);
        })];
    }

    public string EdgeName(int? edgeId) =>
        edgeId is { } id ? _edgeNames.GetValueOrDefault(id, $"edge #{id}") : "out of coverage";

    private string HoverText(MapTerminal terminal) =>
        $"{terminal.Name}{(terminal.IsAgent ? " (agent)" : "")}<br>{EdgeName(terminal.EdgeId)}<br>{TerminalActivities.Label(terminal.Activity)}";
}
