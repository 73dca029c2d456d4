using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TrainingJobConfiguration : IEntityTypeConfiguration<TrainingJob>
{
    public void Configure(EntityTypeBuilder<TrainingJob> builder)
    {
        builder.Property(j => j.Name).HasMaxLength(TrainingJob.MaxNameLength);
        builder.Property(j => j.EndReason).HasMaxLength(500);
        builder.Property(j => j.CreatedBy).HasMaxLength(256);
        builder.ComplexProperty(j => j.Settings);
        builder.Property(j => j.Policy).AsJson(JobPolicy.Default);
        // A version belongs to its job, so the job's published version points back: both sides are set in separate saves.
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(j => j.PublishedVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(j => j.Version).IsRowVersion();
    }
}
