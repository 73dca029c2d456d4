namespace FedDashboard.Core.Domain.Rewards;

public enum RewardKind
{
    /// <summary>What an accepted result earned; exactly one per job, round and terminal.</summary>
    Reward,

    /// <summary>A signed amount that corrects an earlier entry; the ledger is never edited.</summary>
    Correction,
}
