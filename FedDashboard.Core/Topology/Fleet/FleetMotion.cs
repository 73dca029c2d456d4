using FedDashboard.Core.Options;
using FedDashboard.Core.Topology.Simulation;

namespace FedDashboard.Core.Topology.Fleet;

/// <summary>
/// Moves the fleet by random waypoint and works out which edge covers each terminal. It starts from the positions
/// and edges stored in the database, so a restart goes on where the fleet was. Not thread-safe.
/// </summary>
internal sealed class FleetMotion
{
    private readonly int[] _terminalIds;
    private readonly int[] _edgeIds;
    private readonly RandomWaypointMobility _mobility;
    private readonly CoverageIndex _coverage;
    private readonly int[] _edgeOfTerminal;
    private readonly List<CoverageChange> _changes = [];

    /// <param name="terminals">In the order every later <see cref="Move"/> passes them.</param>
    public FleetMotion(IReadOnlyList<Terminal> terminals, IReadOnlyList<EdgeServer> edges, FleetOptions options)
    {
        _terminalIds = [.. terminals.Select(t => t.Id)];
        _edgeIds = [.. edges.Select(e => e.Id)];
        _mobility = new RandomWaypointMobility(
            terminals.Select(t => t.PositionX).ToArray(),
            terminals.Select(t => t.PositionY).ToArray(),
            options.MapSize,
            new WaypointSettings(options.MinSpeed, options.MaxSpeed, TimeSpan.FromSeconds(options.PauseSeconds)),
            options.Seed);
        _coverage = CoverageIndex.Build(edges, options.MapSize);
        _edgeOfTerminal = [.. terminals.Select(t => t.EdgeId is { } id ? Array.IndexOf(_edgeIds, id) : -1)];
    }

    /// <summary>Whether these are the terminals, in the same order, that the motion was started with.</summary>
    public bool Tracks(IReadOnlyList<Terminal> terminals) => terminals.Select(t => t.Id).SequenceEqual(_terminalIds);

    /// <summary>Moves every terminal on by <paramref name="elapsed"/> and returns an event for each change of covering edge.</summary>
    public IReadOnlyList<CoverageEvent> Move(IReadOnlyList<Terminal> terminals, TimeSpan elapsed, DateTimeOffset now)
    {
        if (!Tracks(terminals)) throw new ArgumentException("The motion was started with other terminals.", nameof(terminals));
        _mobility.Advance(elapsed);
        _changes.Clear();
        _coverage.Update(_mobility.Xs, _mobility.Ys, _edgeOfTerminal, _changes);
        for (var i = 0; i < terminals.Count; i++)
            terminals[i].MoveTo(_mobility.Xs[i], _mobility.Ys[i], EdgeId(_edgeOfTerminal[i]));
        return [.. _changes.Select(c => new CoverageEvent(_terminalIds[c.Terminal], EdgeId(c.FromEdge), EdgeId(c.ToEdge), now))];
    }

    private int? EdgeId(int index) => index < 0 ? null : _edgeIds[index];
}
