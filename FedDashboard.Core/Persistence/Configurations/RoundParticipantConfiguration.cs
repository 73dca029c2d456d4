using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Strategies;
using FedDashboard.Core.Policies.Edge;
using FedDashboard.Core.Topology;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RoundParticipantConfiguration : IEntityTypeConfiguration<RoundParticipant>
{
    public void Configure(EntityTypeBuilder<RoundParticipant> builder)
    {
        builder.HasIndex(p => new { p.RoundId, p.TerminalId }).IsUnique();
        builder.HasIndex(p => p.Status);
        builder.HasOne<Terminal>().WithMany().HasForeignKey(p => p.TerminalId);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(p => p.EdgeId);
        builder.Property(p => p.BaseModelHash).HasMaxLength(64);
        builder.Property(p => p.UpdateHash).HasMaxLength(64);
        builder.Property(p => p.ModelVariant).HasMaxLength(ModelVariantName.MaxLength);
        builder.Property(p => p.FailureReason).HasMaxLength(RoundParticipant.ReasonMaxLength);
        builder.Property(p => p.FilterReason).HasMaxLength(RoundParticipant.ReasonMaxLength);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.Group).HasMaxLength(GroupRule.MaxNameLength);
        builder.Property(p => p.Segment).HasMaxLength(50);
        builder.Property(p => p.SwapReason).HasMaxLength(500);
        builder.HasOne<RoundParticipant>().WithMany().HasForeignKey(p => p.ReplacesParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(p => p.ReportedThroughEdgeId).OnDelete(DeleteBehavior.Restrict);
    }
}
