using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class EdgeServerConfiguration : IEntityTypeConfiguration<EdgeServer>
{
    public void Configure(EntityTypeBuilder<EdgeServer> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.HasIndex(e => e.Name).IsUnique();
        builder.Property(e => e.Policy).AsJson(EdgePolicy.Default);
        builder.Property(e => e.Version).IsRowVersion();
    }
}
