using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RoundEdgeConfiguration : IEntityTypeConfiguration<RoundEdge>
{
    public void Configure(EntityTypeBuilder<RoundEdge> builder)
    {
        builder.HasKey(e => new { e.RoundId, e.EdgeId });
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(e => e.EdgeId);
    }
}
