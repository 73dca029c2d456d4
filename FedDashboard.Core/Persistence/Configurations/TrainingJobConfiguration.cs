using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Orchestration.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TrainingJobConfiguration : IEntityTypeConfiguration<TrainingJob>
{
    public void Configure(EntityTypeBuilder<TrainingJob> builder)
    {
        builder.Property(j => j.Name).HasMaxLength(200);
        builder.Property(j => j.EndReason).HasMaxLength(500);
        builder.Property(j => j.CreatedBy).HasMaxLength(256);
        builder.ComplexProperty(j => j.Settings);
        builder.Property(j => j.Policy).AsJson(JobPolicy.Default);
        builder.Property(j => j.Version).IsRowVersion();
    }
}
