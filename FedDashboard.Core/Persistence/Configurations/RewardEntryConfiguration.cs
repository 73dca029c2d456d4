using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RewardEntryConfiguration : IEntityTypeConfiguration<RewardEntry>
{
    public void Configure(EntityTypeBuilder<RewardEntry> builder)
    {
        builder.HasOne<TrainingJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Round>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Terminal>().WithMany().HasForeignKey(e => e.TerminalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(e => e.EdgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RewardEntry>().WithMany().HasForeignKey(e => e.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
        // One reward per accepted result: the database, not the code path, keeps it exactly once; corrections are extra lines.
        builder.HasIndex(e => new { e.JobId, e.RoundId, e.TerminalId }).IsUnique().HasFilter("\"Kind\" = 'Reward'");
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => e.TerminalId);
        builder.Property(e => e.Amount).HasPrecision(18, RewardCalculator.Decimals);
        builder.Property(e => e.ComputedAmount).HasPrecision(18, RewardCalculator.Decimals);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.Note).HasMaxLength(RewardEntry.MaxNoteLength);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
    }
}
