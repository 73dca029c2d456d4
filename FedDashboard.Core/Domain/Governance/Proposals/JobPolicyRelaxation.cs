using FedDashboard.Core.Domain.Policies.Job;
using System.Globalization;

namespace FedDashboard.Core.Domain.Governance.Proposals;

/// <summary>
/// Which parts of a job policy change lower the bar a model passes on its way to the terminals: turning
/// auto-approve on, or a promotion criterion that would promote a candidate the current one refuses. Such a change is
/// only proposed; an approver other than the proposer accepts it before it takes effect.
/// </summary>
/// <remarks>
/// "Relaxes" means "admits some candidate the current criterion refuses": moving to <see cref="PromotionRule.Always"/>,
/// switching between the reference and the parent rule (each promotes candidates the other refuses), a lower reference
/// accuracy under the reference rule, a smaller margin under the parent rule. Values the current rule does not read are
/// not compared: they matter only once the rule changes, which is itself a relaxation.
/// </remarks>
public static class JobPolicyRelaxation
{
    /// <returns>Each relaxation in words; empty when the change may take effect at once.</returns>
    public static IReadOnlyList<string> Between(JobPolicy current, JobPolicy proposed)
    {
        List<string> relaxations = [];
        if (proposed.AutoApprove && !current.AutoApprove)
            relaxations.Add("turns on auto-approve (promoted versions approved and published without an approver)");
        if (Promotion(current.Promotion, proposed.Promotion) is { } promotion) relaxations.Add(promotion);
        return relaxations;
    }

    /// <summary>What a job launched by an operator starts with: the policy without what only an approver may turn on.</summary>
    public static JobPolicy WithoutApprovalNeeds(JobPolicy requested) => requested with { AutoApprove = false };

    private static string? Promotion(PromotionPolicy current, PromotionPolicy proposed) => (current.Rule, proposed.Rule) switch
    {
        (PromotionRule.Always, _) => null,
        (_, PromotionRule.Always) => "promotes every candidate instead of only those that meet the criterion",
        (PromotionRule.AtLeastReference, PromotionRule.AtLeastReference) => proposed.ReferenceAccuracy < current.ReferenceAccuracy
            ? string.Create(CultureInfo.InvariantCulture, $"lowers the reference accuracy from {current.ReferenceAccuracy:P1} to {proposed.ReferenceAccuracy:P1}")
            : null,
        (PromotionRule.BetterThanParent, PromotionRule.BetterThanParent) => proposed.Margin < current.Margin
            ? string.Create(CultureInfo.InvariantCulture, $"lowers the margin over the parent from {current.Margin * 100:0.##} to {proposed.Margin * 100:0.##} points")
            : null,
        _ => $"replaces the promotion rule {current.Rule} by {proposed.Rule}, which promotes candidates the current rule refuses",
    };
}
