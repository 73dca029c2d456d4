using FedDashboard.Core.Policies;
using FedDashboard.Core.Policies.Reward;

namespace FedDashboard.Core.Rewards;

/// <summary>The one reward policy every job's accepted results are rewarded by; a round is rewarded by the policy in force when it is.</summary>
public sealed class RewardProgram : IPolicyHolder<RewardPolicy>
{
    /// <summary>There is exactly one program; its row has this id.</summary>
    public const int TheId = 1;

    private RewardProgram()
    {
    }

    public RewardProgram(RewardPolicy initial)
    {
        PolicyRules.ThrowIfBroken(initial.Validate());
        Id = TheId;
        Policy = initial;
    }

    public int Id { get; private set; }
    public RewardPolicy Policy { get; private set; } = RewardPolicy.Default;

    /// <summary>Counts policy changes; 0 is the policy the node started with.</summary>
    public int PolicyRevision { get; private set; }

    public DateTimeOffset? PolicyChangedAt { get; private set; }
    public uint Version { get; private set; }

    public void ChangePolicy(RewardPolicy policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        PolicyRules.ThrowIfBroken(policy.Validate());
        Policy = policy;
        PolicyRevision++;
        PolicyChangedAt = at;
    }
}
