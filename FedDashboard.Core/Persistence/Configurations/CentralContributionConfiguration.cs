using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class CentralContributionConfiguration : IEntityTypeConfiguration<CentralContribution>
{
    public void Configure(EntityTypeBuilder<CentralContribution> builder)
    {
        builder.HasOne<Round>().WithMany().HasForeignKey(c => c.RoundId);
        // At most one per round: a second run of the round's aggregation cannot add another.
        builder.HasIndex(c => c.RoundId).IsUnique();
        builder.Property(c => c.ModelHash).HasMaxLength(64);
    }
}
