using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TerminalRefusalCountConfiguration : IEntityTypeConfiguration<TerminalRefusalCount>
{
    public void Configure(EntityTypeBuilder<TerminalRefusalCount> builder)
    {
        builder.HasKey(r => new { r.TerminalId, r.Code });
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.Property(r => r.LastMessage).HasMaxLength(TerminalRefusalCount.MessageMaxLength);
        builder.HasOne<Terminal>().WithMany().HasForeignKey(r => r.TerminalId).OnDelete(DeleteBehavior.Cascade);
    }
}
