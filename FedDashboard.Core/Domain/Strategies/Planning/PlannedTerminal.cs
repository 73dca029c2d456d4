using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies.Planning;

/// <summary>A terminal chosen for a round (its index in the state arrays) and the model width it trains.</summary>
public readonly record struct PlannedTerminal(int Terminal, double Width);
