using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TerminalCredentialConfiguration : IEntityTypeConfiguration<TerminalCredential>
{
    public void Configure(EntityTypeBuilder<TerminalCredential> builder)
    {
        builder.Property(c => c.SecretHash).HasMaxLength(64);
        builder.HasIndex(c => c.SecretHash).IsUnique();
        builder.HasIndex(c => c.TerminalId);
        builder.Property(c => c.RevokedBy).HasMaxLength(64);
        builder.Property(c => c.RevokeReason).HasMaxLength(TerminalCredential.RevokeReasonMaxLength);
        builder.HasOne<Terminal>().WithMany().HasForeignKey(c => c.TerminalId).OnDelete(DeleteBehavior.Cascade);
    }
}
