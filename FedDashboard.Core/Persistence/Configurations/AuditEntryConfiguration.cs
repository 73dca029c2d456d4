using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.SubjectId).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.Before).HasColumnType("jsonb");
        builder.Property(e => e.After).HasColumnType("jsonb");
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Subject, e.SubjectId });
    }
}
