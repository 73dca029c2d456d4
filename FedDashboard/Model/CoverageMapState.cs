using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Model;

public sealed record EdgeCircle(int Id, string Name, double X, double Y, double Radius);

/// <param name="IsAgent">A real device running the agent, not one of the simulated fleet.</param>
public sealed record MapTerminal(int Id, string Name, double X, double Y, int? EdgeId, TerminalActivity Activity, bool IsAgent = false);

/// <summary>What the coverage map shows when it opens, read from the database.</summary>
public sealed record CoverageMapState(double MapSize, IReadOnlyList<EdgeCircle> Edges, IReadOnlyList<MapTerminal> Terminals);
