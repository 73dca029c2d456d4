namespace FedDashboard.Core.Domain.Rewards.Payouts;

/// <summary>Which unpaid entries a batch took: those created in the period (from inclusive, to exclusive), of one edge and/or one job.</summary>
public sealed record PayoutScope(DateTimeOffset? From, DateTimeOffset? To, int? EdgeId, int? JobId);
