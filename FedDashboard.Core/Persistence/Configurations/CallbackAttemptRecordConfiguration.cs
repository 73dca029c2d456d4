using FedDashboard.Core.Domain.Callbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class CallbackAttemptRecordConfiguration : IEntityTypeConfiguration<CallbackAttemptRecord>
{
    public void Configure(EntityTypeBuilder<CallbackAttemptRecord> builder)
    {
        builder.ToTable("CallbackAttempts");
        builder.HasOne<CallbackDeliveryRecord>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        // An attempt's number is its identity: a second run of the same attempt loses here.
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
        builder.Property(a => a.Detail).HasMaxLength(CallbackAttemptRecord.MaxDetailLength);
        builder.Property(a => a.ResponseSnippet).HasMaxLength(2000);
    }
}
