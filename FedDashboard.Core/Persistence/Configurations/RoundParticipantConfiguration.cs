using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RoundParticipantConfiguration : IEntityTypeConfiguration<RoundParticipant>
{
    public void Configure(EntityTypeBuilder<RoundParticipant> builder)
    {
        builder.HasIndex(p => new { p.RoundId, p.TerminalId }).IsUnique();
        // Who reported lately, asked at every live fleet tick: a few rows at the recent end of all of history.
        builder.HasIndex(p => p.EndedAt, "IX_RoundParticipants_Reported_EndedAt").HasFilter($"\"Status\" = '{ParticipantStatus.Reported}'");
        // Whether a terminal is busy, asked of every terminal of the fleet at each round start: open participations are
        // a round's worth among all of history. The filter is the one OpenParticipations puts in queries.
        builder.HasIndex(p => p.TerminalId);
        builder.HasIndex(p => p.TerminalId, "IX_RoundParticipants_Open_TerminalId")
            .HasFilter($"\"Status\" = '{ParticipantStatus.Assigned}' OR \"Status\" = '{ParticipantStatus.Training}'");
        builder.HasOne<Terminal>().WithMany().HasForeignKey(p => p.TerminalId);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(p => p.EdgeId);
        builder.Property(p => p.FailureReason).HasMaxLength(RoundParticipant.ReasonMaxLength);
        builder.Property(p => p.FilterReason).HasMaxLength(RoundParticipant.ReasonMaxLength);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.UploadKey).HasMaxLength(RoundParticipant.UploadKeyMaxLength);
        // The parts keep the columns the participant's flat row always had, so splitting it moved no data.
        builder.ComplexProperty(p => p.Assignment, assignment =>
        {
            assignment.Property(a => a.BaseModelHash).HasColumnName("BaseModelHash").HasMaxLength(64);
            assignment.Property(a => a.ModelVariant).HasColumnName("ModelVariant").HasMaxLength(ModelVariantName.MaxLength);
            assignment.Property(a => a.Width).HasColumnName("AssignedWidth");
            assignment.Property(a => a.Group).HasColumnName("Group").HasMaxLength(GroupRule.MaxNameLength);
            assignment.Property(a => a.Segment).HasColumnName("Segment").HasMaxLength(50);
            assignment.Property(a => a.DataSource).HasColumnName("DataSource");
            assignment.Property(a => a.SharedSamples).HasColumnName("SharedSamples");
        });
        builder.ComplexProperty(p => p.Work, work =>
        {
            work.Property(w => w.Width).HasColumnName("Width");
            work.Property(w => w.PlannedSteps).HasColumnName("PlannedSteps");
            work.Property(w => w.StepsDone).HasColumnName("StepsDone");
            work.Property(w => w.SwappedAt).HasColumnName("SwappedAt");
            work.Property(w => w.SwapReason).HasColumnName("SwapReason").HasMaxLength(500);
        });
        builder.ComplexProperty(p => p.Result, result =>
        {
            result.Property(r => r.UpdateHash).HasColumnName("UpdateHash").HasMaxLength(64);
            result.Property(r => r.Samples).HasColumnName("Samples");
            result.Property(r => r.TrainLoss).HasColumnName("TrainLoss");
            result.Property(r => r.TrainAccuracy).HasColumnName("TrainAccuracy");
            result.Property(r => r.ValidationAccuracy).HasColumnName("ValidationAccuracy");
            result.Property(r => r.ControlDeltaHash).HasColumnName("ControlDeltaHash").HasMaxLength(64);
        });
        builder.HasOne<RoundParticipant>().WithMany().HasForeignKey(p => p.ReplacesParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(p => p.ReportedThroughEdgeId).OnDelete(DeleteBehavior.Restrict);
        // Set on few participants and never at a round's start, which saves its thousands of participants at once: only
        // the set ones are indexed.
        builder.HasIndex(p => p.ReplacesParticipantId).HasFilter("\"ReplacesParticipantId\" IS NOT NULL");
        builder.HasIndex(p => p.ReportedThroughEdgeId).HasFilter("\"ReportedThroughEdgeId\" IS NOT NULL");
    }
}
