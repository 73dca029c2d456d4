using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>A terminal the edge asked that would not train, and why.</summary>
public sealed record Decline(Terminal Terminal, string Reason);
