using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class CoverageEventConfiguration : IEntityTypeConfiguration<CoverageEvent>
{
    public void Configure(EntityTypeBuilder<CoverageEvent> builder)
    {
        builder.HasOne<Terminal>().WithMany().HasForeignKey(e => e.TerminalId);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(e => e.FromEdgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(e => e.ToEdgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.TerminalId, e.At });
    }
}
