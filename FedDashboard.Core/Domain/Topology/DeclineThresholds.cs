namespace FedDashboard.Core.Domain.Topology;

/// <summary>When a terminal asked to train declines: its CPU load above <paramref name="AboveLoad"/> or its battery below <paramref name="BelowBattery"/>.</summary>
public sealed record DeclineThresholds(double AboveLoad, double BelowBattery);
