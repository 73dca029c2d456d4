using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class EdgeAggregateConfiguration : IEntityTypeConfiguration<EdgeAggregate>
{
    public void Configure(EntityTypeBuilder<EdgeAggregate> builder)
    {
        builder.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(a => a.EdgeId);
        builder.HasIndex(a => new { a.RoundId, a.EdgeId }).IsUnique();
        builder.Property(a => a.ModelHash).HasMaxLength(64);
        builder.Property(a => a.ControlDeltaHash).HasMaxLength(64);
    }
}
