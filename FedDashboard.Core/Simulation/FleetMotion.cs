using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Terminals;


namespace FedDashboard.Core.Simulation;

/// <summary>
/// Moves the fleet by random waypoint and works out which edge covers each terminal. It starts from the positions
/// and edges the intake last heard of, so a restart goes on where the fleet was. Not thread-safe.
/// </summary>
internal sealed class FleetMotion
{
    private readonly int[] _terminalIds;
    private readonly int[] _edgeIds;
    private readonly RandomWaypointMobility _mobility;
    private readonly CoverageIndex _coverage;
    private readonly int[] _edgeOfTerminal;
    private readonly List<CoverageChange> _changes = [];

    /// <param name="terminals">In the order every later <see cref="Tracks"/> and <see cref="PositionOf"/> mean.</param>
    public FleetMotion(IReadOnlyList<TerminalReading> terminals, IReadOnlyList<EdgeServer> edges, FleetOptions options)
    {
        _terminalIds = [.. terminals.Select(t => t.Id)];
        _edgeIds = [.. edges.Select(e => e.Id)];
        _mobility = new RandomWaypointMobility(
            terminals.Select(t => t.X).ToArray(),
            terminals.Select(t => t.Y).ToArray(),
            options.MapSize,
            new WaypointSettings(options.MinSpeed, options.MaxSpeed, TimeSpan.FromSeconds(options.PauseSeconds)),
            options.Seed);
        _coverage = CoverageIndex.Build(edges, options.MapSize);
        _edgeOfTerminal = [.. terminals.Select(t => t.EdgeId is { } id ? Array.IndexOf(_edgeIds, id) : -1)];
    }

    /// <summary>Whether these are the terminals, in the same order, that the motion was started with.</summary>
    public bool Tracks(IReadOnlyList<TerminalReading> terminals) => terminals.Select(t => t.Id).SequenceEqual(_terminalIds);

    /// <summary>Moves every terminal on by <paramref name="elapsed"/> and finds the edge that covers it now.</summary>
    public void Move(TimeSpan elapsed)
    {
        _mobility.Advance(elapsed);
        _changes.Clear();
        _coverage.Update(_mobility.Xs, _mobility.Ys, _edgeOfTerminal, _changes);
    }

    /// <param name="terminal">The terminal's index in the list the motion was started with.</param>
    public (double X, double Y, int? EdgeId) PositionOf(int terminal) =>
        (_mobility.Xs[terminal], _mobility.Ys[terminal], _edgeOfTerminal[terminal] < 0 ? null : _edgeIds[_edgeOfTerminal[terminal]]);
}
