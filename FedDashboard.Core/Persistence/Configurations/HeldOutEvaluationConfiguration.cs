using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class HeldOutEvaluationConfiguration : IEntityTypeConfiguration<HeldOutEvaluation>
{
    public void Configure(EntityTypeBuilder<HeldOutEvaluation> builder)
    {
        builder.HasKey(e => new { e.VersionId, e.SetName });
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.SetName).HasMaxLength(RequestCondition.MaxHeldOutSetLength);
    }
}
