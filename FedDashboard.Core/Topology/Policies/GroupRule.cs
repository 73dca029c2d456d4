namespace FedDashboard.Core.Topology.Policies;

/// <summary>
/// A named group of terminals whose <see cref="Field"/> equals <see cref="Value"/> (case-insensitive). A group with a
/// <see cref="Width"/> trains its own model variant of that width; without one it follows the edge's selection.
/// </summary>
public sealed record GroupRule(string Name, GroupField Field, string Value, double? Width = null);
