using FedDashboard.Core.Topology;

namespace FedDashboard.Core.Strategies;

/// <summary>A terminal the edge asked that would not train, and why.</summary>
public sealed record Decline(Terminal Terminal, string Reason);
