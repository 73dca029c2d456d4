using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class PayoutBatchConfiguration : IEntityTypeConfiguration<PayoutBatch>
{
    public void Configure(EntityTypeBuilder<PayoutBatch> builder)
    {
        builder.ComplexProperty(b => b.Scope);
        builder.Property(b => b.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(b => b.Total).HasPrecision(18, RewardCalculator.Decimals);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.DecidedBy).HasMaxLength(256);
        builder.Property(b => b.PaidBy).HasMaxLength(256);
        builder.Property(b => b.DecisionComment).HasMaxLength(PayoutBatch.MaxCommentLength);
        builder.Property(b => b.PaymentReference).HasMaxLength(PayoutBatch.MaxReferenceLength);
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasMany<PayoutBatchItem>().WithOne().HasForeignKey(i => i.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.Status);
    }
}
