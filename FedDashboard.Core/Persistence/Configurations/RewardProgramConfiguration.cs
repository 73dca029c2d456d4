using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RewardProgramConfiguration : IEntityTypeConfiguration<RewardProgram>
{
    public void Configure(EntityTypeBuilder<RewardProgram> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Policy).AsJson(RewardPolicy.Default);
        builder.Property(p => p.Version).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("CK_RewardPrograms_One", $"\"Id\" = {RewardProgram.TheId}"));
    }
}
