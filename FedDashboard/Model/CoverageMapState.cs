using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Live;


namespace FedDashboard.Model;

public sealed record EdgeCircle(int Id, string Name, double X, double Y, double Radius);

/// <param name="IsAgent">A real device running the agent, not one of the simulated fleet.</param>
public sealed record MapTerminal(int Id, string Name, double X, double Y, int? EdgeId, TerminalActivity Activity, bool IsAgent = false);

/// <summary>What the coverage map shows when it opens, read from the database.</summary>
/// <param name="Terminals">Each terminal; none when the fleet is too big to draw one by one (then <paramref name="Counted"/>).</param>
/// <param name="Counted">A big fleet counted per edge and cell, as the live map ticks count it.</param>
/// <param name="Agents">How many of the fleet are agents; by default those of <paramref name="Terminals"/>.</param>
public sealed record CoverageMapState(double MapSize, IReadOnlyList<EdgeCircle> Edges, IReadOnlyList<MapTerminal> Terminals, FleetMap? Counted = null, int? Agents = null);
