namespace FedDashboard.Core.Domain.Topology.Coverage;

/// <summary>
/// A terminal's covering edge changed: it entered coverage (FromEdge -1), left it (ToEdge -1) or moved from one
/// edge's coverage to another's. Terminal and edges are indices into the arrays and lists the index was given.
/// </summary>
public readonly record struct CoverageChange(int Terminal, int FromEdge, int ToEdge);
