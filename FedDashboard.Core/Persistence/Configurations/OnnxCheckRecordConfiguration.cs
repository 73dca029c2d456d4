using FedDashboard.Core.Domain.Delivery;
using FedDashboard.Core.Domain.Governance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class OnnxCheckRecordConfiguration : IEntityTypeConfiguration<OnnxCheckRecord>
{
    public void Configure(EntityTypeBuilder<OnnxCheckRecord> builder)
    {
        builder.ToTable("OnnxChecks");
        builder.HasKey(c => c.VersionId);
        builder.Property(c => c.VersionId).ValueGeneratedNever();
        builder.HasOne<ModelVersion>().WithOne().HasForeignKey<OnnxCheckRecord>(c => c.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.FileHash).HasMaxLength(64).IsFixedLength();
    }
}
