using FedDashboard.Core.Orchestration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TrainingJobConfiguration : IEntityTypeConfiguration<TrainingJob>
{
    public void Configure(EntityTypeBuilder<TrainingJob> builder)
    {
        builder.Property(j => j.Name).HasMaxLength(200);
        builder.Property(j => j.EndReason).HasMaxLength(500);
        builder.ComplexProperty(j => j.Settings);
        builder.Property(j => j.Version).IsRowVersion();
    }
}
