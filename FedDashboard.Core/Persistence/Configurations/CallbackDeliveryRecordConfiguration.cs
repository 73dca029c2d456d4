using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class CallbackDeliveryRecordConfiguration : IEntityTypeConfiguration<CallbackDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<CallbackDeliveryRecord> builder)
    {
        builder.ToTable("CallbackDeliveries");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<TrainingRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CallbackDeliveryRecord>().WithMany().HasForeignKey(d => d.ResendOf).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Event).HasMaxLength(CallbackDeliveryRecord.MaxEventLength);
        builder.Property(d => d.EventKey).HasMaxLength(100);
        builder.HasIndex(d => d.EventKey).IsUnique();
        builder.HasIndex(d => d.RequestId);
        builder.Property(d => d.Url).HasMaxLength(CallbackUrlRules.MaxLength);
        builder.Property(d => d.CreatedBy).HasMaxLength(64);
    }
}
