using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class PayoutBatchItemConfiguration : IEntityTypeConfiguration<PayoutBatchItem>
{
    public void Configure(EntityTypeBuilder<PayoutBatchItem> builder)
    {
        builder.HasKey(i => new { i.BatchId, i.EntryId });
        builder.HasOne<RewardEntry>().WithMany().HasForeignKey(i => i.EntryId).OnDelete(DeleteBehavior.Restrict);
        // An entry is paid by at most one batch: a rejected batch releases its entries for another.
        builder.HasIndex(i => i.EntryId).IsUnique().HasFilter("NOT \"Released\"");
    }
}
