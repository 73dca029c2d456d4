namespace FedDashboard.Core.Domain.Topology.Coverage;

/// <summary>An edge's coverage on the map, without the edge itself.</summary>
public readonly record struct CoverageCircle(double CenterX, double CenterY, double Radius);
