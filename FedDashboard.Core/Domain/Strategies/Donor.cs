namespace FedDashboard.Core.Domain.Strategies;

/// <summary>A terminal in an edge's coverage whose own data may be shared, as the sharing rules read it.</summary>
public sealed record Donor(int TerminalId, int Samples, bool Anonymized, DateTimeOffset UpdatedAt);
