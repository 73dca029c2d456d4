using FedDashboard.Core.Topology;

namespace FedDashboard.Core.Strategies;

/// <summary>A terminal an edge selected, the model width it trains and the group rule it fell under, if any.</summary>
public sealed record Assignment(Terminal Terminal, double Width, string? Group);
