using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Model;

/// <summary>
/// The payouts page for one signed-in user: which steps it offers on each batch and whether this user may take them.
/// The page only offers; Core checks again, so an offered step can still be refused.
/// </summary>
public sealed class PayoutsModel(IReadOnlyList<PayoutBatch> batches, Actor actor)
{
    public IReadOnlyList<PayoutBatch> Batches => batches;

    public bool MayCreate => actor.CanOperate;

    public static bool AwaitsDecision(PayoutBatch batch) => batch.Status == PayoutBatchStatus.Pending;

    public static bool AwaitsPayment(PayoutBatch batch) => batch.Status == PayoutBatchStatus.Approved;

    public bool MayDecide(PayoutBatch batch) => actor.CanApproveFor(batch.CreatedBy);

    /// <summary>Why this user's Approve and Reject are disabled on the batch, or null when they are not.</summary>
    public string? DecideHint(PayoutBatch batch) =>
        !actor.CanApprove ? "Only approvers approve or reject payout batches."
        : !MayDecide(batch) ? "You made this batch; another approver decides on it."
        : null;

    public bool MayMarkPaid => actor.CanOperate || actor.CanApprove;

    public string? PayHint => MayMarkPaid ? null : "Only operators and approvers mark batches paid.";
}
