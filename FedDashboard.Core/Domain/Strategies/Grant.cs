namespace FedDashboard.Core.Domain.Strategies;

/// <summary>Samples of a donor's data that one participant trains on.</summary>
public sealed record Grant(int DonorTerminalId, int Samples);
