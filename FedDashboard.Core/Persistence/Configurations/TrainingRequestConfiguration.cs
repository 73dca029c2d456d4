using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TrainingRequestConfiguration : IEntityTypeConfiguration<TrainingRequest>
{
    public void Configure(EntityTypeBuilder<TrainingRequest> builder)
    {
        builder.HasOne<ClientApplication>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Name).HasMaxLength(TrainingRequest.MaxNameLength);
        builder.ComplexProperty(r => r.Data, d => d.Property(x => x.TerminalGroup).HasMaxLength(GroupRule.MaxNameLength));
        builder.ComplexProperty(r => r.Condition, c => c.Property(x => x.HeldOutSet).HasMaxLength(RequestCondition.MaxHeldOutSetLength));
        builder.ComplexProperty(r => r.Budget, b => b.Property(x => x.MaxSpend).HasPrecision(18, RewardCalculator.Decimals));
        builder.Property(r => r.CallbackUrl).HasMaxLength(CallbackUrlRules.MaxLength);
        // The default fills the requests made before priorities existed; EF still writes every value, Low (the enum's 0) included.
        builder.Property(r => r.Priority).HasDefaultValue(RequestPriority.Normal).ValueGeneratedNever();
        builder.Property(r => r.IdempotencyKey).HasMaxLength(TrainingRequest.MaxIdempotencyKeyLength);
        builder.Property(r => r.BodyHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(r => new { r.ClientId, r.IdempotencyKey }).IsUnique();
        builder.HasIndex(r => r.JobId);
        builder.Property(r => r.EndReason).HasMaxLength(TrainingRequest.MaxEndReasonLength);
        builder.Property(r => r.Version).IsRowVersion();
    }
}
