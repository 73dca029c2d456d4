using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>
/// A named group of terminals whose <see cref="Field"/> equals <see cref="Value"/> (case-insensitive). A group with a
/// <see cref="Width"/> trains its own model variant of that width; without one it follows the edge's selection.
/// </summary>
public sealed record GroupRule(string Name, GroupField Field, string Value, double? Width = null)
{
    /// <summary>The longest group name: each participant keeps the name of its group (the column's size).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest value a rule matches: an app name, the longest property a rule can match.</summary>
    public const int MaxValueLength = Terminal.MaxAppLength;
}
