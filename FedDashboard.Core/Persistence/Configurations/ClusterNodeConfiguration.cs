using FedDashboard.Core.Domain.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class ClusterNodeConfiguration : IEntityTypeConfiguration<ClusterNode>
{
    public void Configure(EntityTypeBuilder<ClusterNode> builder)
    {
        builder.HasKey(n => n.Name);
        builder.Property(n => n.Name).HasMaxLength(ClusterNode.NameMaxLength);
        builder.Property(n => n.Version).HasMaxLength(128);
        builder.Property(n => n.PublicUrl).HasMaxLength(ClusterNode.PublicUrlMaxLength);
        builder.Property(n => n.LeadershipRefusal).HasMaxLength(500);
    }
}
