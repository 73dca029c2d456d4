using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class EnrolmentCodeConfiguration : IEntityTypeConfiguration<EnrolmentCode>
{
    public void Configure(EntityTypeBuilder<EnrolmentCode> builder)
    {
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.Property(c => c.Hint).HasMaxLength(8);
        builder.Property(c => c.CreatedBy).HasMaxLength(64);
        builder.Property(c => c.RevokedBy).HasMaxLength(64);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(c => c.EdgeId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_EnrolmentCodes_Uses", "\"Uses\" >= 0 AND \"Uses\" <= \"MaxUses\""));
    }
}
