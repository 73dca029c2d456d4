using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TerminalControlConfiguration : IEntityTypeConfiguration<TerminalControl>
{
    public void Configure(EntityTypeBuilder<TerminalControl> builder)
    {
        builder.HasKey(c => new { c.JobId, c.TerminalId });
        builder.HasOne<TrainingJob>().WithMany().HasForeignKey(c => c.JobId);
        builder.HasOne<Terminal>().WithMany().HasForeignKey(c => c.TerminalId);
        builder.HasOne<Round>().WithMany().HasForeignKey(c => c.RoundId);
        builder.Property(c => c.ControlHash).HasMaxLength(64);
    }
}
