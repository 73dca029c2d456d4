using FedDashboard.Core.Domain.Topology.Coverage;

namespace FedDashboard.Model;

/// <summary>What the coverage map of a big fleet draws terminal by terminal over its density: one edge's terminals, or one cell's.</summary>
public abstract record MapSelection;

public sealed record SelectedEdge(int EdgeId) : MapSelection;

public sealed record SelectedCell(MapCell Cell) : MapSelection;

/// <summary>The selection's terminals drawn (<paramref name="Drawn"/> of <paramref name="Total"/>: at most <see cref="CoverageMapModel.DetailLimit"/>) and what they are.</summary>
public sealed record MapDetail(string What, int Drawn, int Total);
