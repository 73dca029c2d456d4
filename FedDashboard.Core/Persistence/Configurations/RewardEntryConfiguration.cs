using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Rewards;
using FedDashboard.Core.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RewardEntryConfiguration : IEntityTypeConfiguration<RewardEntry>
{
    public void Configure(EntityTypeBuilder<RewardEntry> builder)
    {
        builder.HasOne<TrainingJob>().WithMany().HasForeignKey(e => e.JobId);
        builder.HasOne<Round>().WithMany().HasForeignKey(e => e.RoundId);
        builder.HasOne<Terminal>().WithMany().HasForeignKey(e => e.TerminalId);
        // One reward per accepted result: the database, not the code path, keeps it exactly once.
        builder.HasIndex(e => new { e.JobId, e.RoundId, e.TerminalId }).IsUnique();
        builder.Property(e => e.Amount).HasPrecision(18, 4);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.Reason).HasMaxLength(500);
    }
}
