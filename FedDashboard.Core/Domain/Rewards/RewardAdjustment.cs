namespace FedDashboard.Core.Domain.Rewards;

/// <summary>Why a reward is less than the policy's factors computed; the entry's note gives the figures.</summary>
public enum RewardAdjustment
{
    None,

    /// <summary>The terminal reached the cap per terminal for the job.</summary>
    Capped,

    /// <summary>The round's rewards exceeded a budget and were all scaled down by the same factor.</summary>
    ScaledProRata,

    /// <summary>A budget ran out before this result's turn: it earned part of its reward or nothing.</summary>
    BudgetExhausted,
}
