using FedDashboard.Core.Domain.Policies.Reward;


namespace FedDashboard.Core.Orchestration.Options;

public sealed class RewardOptions : IValidatedOptions
{
    public static string Section => "Fed:Rewards";

    /// <summary>The reward policy's base amount on a fresh database; operators change the policy on the Policies page afterwards.</summary>
    public decimal BaseAmount { get; set; } = 0.10m;

    /// <summary>The reward policy's currency on a fresh database.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>
    /// A correction whose absolute amount is above this needs an approver's acceptance before it counts. A setting, not
    /// part of the reward policy, so no operator can raise it from a page to let their own corrections through.
    /// </summary>
    public decimal CorrectionApprovalThreshold { get; set; } = 10m;

    public IEnumerable<string> Validate()
    {
        if (BaseAmount is < 0 or > 1_000_000) yield return $"BaseAmount must be from 0 to 1000000 (was {BaseAmount}).";
        if (CorrectionApprovalThreshold is < 0 or > 1_000_000)
            yield return $"CorrectionApprovalThreshold must be from 0 (every correction needs an approver) to 1000000 (was {CorrectionApprovalThreshold}).";
        if (!RewardPolicy.IsCurrencyCode(Currency)) yield return $"Currency must be a three-letter ISO code such as EUR (was '{Currency}').";
    }
}
