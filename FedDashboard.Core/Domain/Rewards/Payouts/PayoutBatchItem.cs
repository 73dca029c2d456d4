using FedDashboard.Core.Orchestration.Rewards.Payouts;


namespace FedDashboard.Core.Domain.Rewards.Payouts;

/// <summary>
/// A ledger entry in a payout batch; the database keeps an entry in at most one batch that has not released it.
/// Written and released set-based by <see cref="PayoutBatches"/>, never one by one.
/// </summary>
public sealed class PayoutBatchItem
{
    private PayoutBatchItem()
    {
    }

    public int BatchId { get; private set; }
    public long EntryId { get; private set; }

    /// <summary>Set when the batch is rejected: the entry is unpaid again and may go into another batch.</summary>
    public bool Released { get; private set; }
}
