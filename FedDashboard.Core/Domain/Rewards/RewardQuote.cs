namespace FedDashboard.Core.Domain.Rewards;

/// <summary>The reward computed for a claim: the factors' amount, and what the cap and budgets left of it.</summary>
public sealed record RewardQuote(RewardClaim Claim, decimal Computed, double SizeMultiplier, double RecencyMultiplier, double FrequencyMultiplier,
    decimal Amount, RewardAdjustment Adjustment, string Note);
