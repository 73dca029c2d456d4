using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Rewards;


namespace FedDashboard.Model;

/// <summary>The reward policy as the form edits it; errors sit at fields named as the policy names them ("Size.Weight").</summary>
public sealed class RewardPolicyForm : PolicyForm<RewardPolicy>
{
    public const string Name = "Rewards";

    public static RewardPolicyForm From(RewardProgram program)
    {
        var form = new RewardPolicyForm();
        form.Load(program);
        return form;
    }

    public override RewardPolicy ToPolicy()
    {
        var policy = base.ToPolicy();
        return policy with { Currency = policy.Currency.Trim().ToUpperInvariant() };
    }
}
