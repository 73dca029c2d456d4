using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Reward;


namespace FedDashboard.Core.Domain.Rewards;

/// <summary>The one reward policy every job's accepted results are rewarded by; a round is rewarded by the policy in force when it is.</summary>
public sealed class RewardProgram : PolicyHolder<RewardPolicy>
{
    /// <summary>There is exactly one program; its row has this id.</summary>
    public const int TheId = 1;

    private RewardProgram()
    {
    }

    public RewardProgram(RewardPolicy initial)
    {
        StartWith(initial);
        Id = TheId;
    }

    public int Id { get; private set; }
    public uint Version { get; private set; }
}
