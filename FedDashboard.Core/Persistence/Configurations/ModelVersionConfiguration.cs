using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.HasOne<TrainingJob>().WithMany().HasForeignKey(v => v.JobId);
        builder.HasIndex(v => new { v.JobId, v.Number }).IsUnique();
        builder.HasIndex(v => v.RoundId).IsUnique();
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(v => v.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.ModelHash).HasMaxLength(64);
        builder.Property(v => v.ServerStateHash).HasMaxLength(64);
        builder.Property(v => v.DecidedBy).HasMaxLength(200);
        builder.Property(v => v.DecisionComment).HasMaxLength(ModelVersion.MaxCommentLength);
        builder.Property(v => v.NotPromotedReason).HasMaxLength(500);
        builder.Ignore(v => v.Label);
        builder.Ignore(v => v.Standing);
        builder.Property(v => v.Version).IsRowVersion();
    }
}
