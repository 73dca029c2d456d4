namespace FedDashboard.Core.Domain.Rewards.Payouts;

/// <summary>Pending → Approved → Paid, or Pending → Rejected (which releases its entries for another batch).</summary>
public enum PayoutBatchStatus
{
    Pending,
    Approved,
    Rejected,
    Paid,
}
