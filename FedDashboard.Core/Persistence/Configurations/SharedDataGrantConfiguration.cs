using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class SharedDataGrantConfiguration : IEntityTypeConfiguration<SharedDataGrant>
{
    public void Configure(EntityTypeBuilder<SharedDataGrant> builder)
    {
        builder.HasOne<RoundParticipant>().WithMany().HasForeignKey(g => g.ParticipantId);
        builder.HasOne<Terminal>().WithMany().HasForeignKey(g => g.DonorTerminalId);
        builder.HasIndex(g => new { g.ParticipantId, g.DonorTerminalId }).IsUnique();
        builder.HasIndex(g => g.DonorTerminalId);
    }
}
