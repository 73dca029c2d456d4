using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RoundStepTimeConfiguration : IEntityTypeConfiguration<RoundStepTime>
{
    public void Configure(EntityTypeBuilder<RoundStepTime> builder)
    {
        builder.HasKey(t => new { t.RoundId, t.Step });
        builder.HasOne<Round>().WithMany().HasForeignKey(t => t.RoundId);
    }
}
