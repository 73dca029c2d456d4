using FedDashboard.Core.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class CorrectionDecisionConfiguration : IEntityTypeConfiguration<CorrectionDecision>
{
    public void Configure(EntityTypeBuilder<CorrectionDecision> builder)
    {
        // The key is the correction: a correction is decided once.
        builder.HasKey(d => d.CorrectionId);
        builder.Property(d => d.CorrectionId).ValueGeneratedNever();
        builder.HasOne<RewardEntry>().WithOne().HasForeignKey<CorrectionDecision>(d => d.CorrectionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
        builder.Property(d => d.Comment).HasMaxLength(CorrectionDecision.MaxCommentLength);
    }
}
