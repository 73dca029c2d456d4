using FedDashboard.Core.Domain.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class LeaderLeaseConfiguration : IEntityTypeConfiguration<LeaderLease>
{
    public void Configure(EntityTypeBuilder<LeaderLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(ClusterNode.NameMaxLength);
    }
}
