using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.HasOne<TrainingJob>().WithMany().HasForeignKey(r => r.JobId);
        builder.HasIndex(r => new { r.JobId, r.Number }).IsUnique();
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(r => r.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(r => r.BaseModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RoundId);
        builder.HasMany(r => r.Edges).WithOne().HasForeignKey(e => e.RoundId);
        builder.Property(r => r.Aggregation).AsJson<AggregationPolicy?>(null);
        builder.Property(r => r.Version).IsRowVersion();
    }
}
