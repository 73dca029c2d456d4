using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class JobPolicyProposalConfiguration : IEntityTypeConfiguration<JobPolicyProposal>
{
    public void Configure(EntityTypeBuilder<JobPolicyProposal> builder)
    {
        builder.HasOne<TrainingJob>().WithMany().HasForeignKey(p => p.JobId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Policy).AsJson(JobPolicy.Default);
        builder.Property(p => p.Relaxations).HasMaxLength(2000);
        builder.Property(p => p.ProposedBy).HasMaxLength(256);
        builder.Property(p => p.DecidedBy).HasMaxLength(256);
        builder.Property(p => p.DecisionComment).HasMaxLength(JobPolicyProposal.MaxCommentLength);
        builder.Property(p => p.Version).IsRowVersion();
        // Two proposals racing for one job: the database keeps one pending.
        builder.HasIndex(p => p.JobId).IsUnique().HasFilter("\"Status\" = 'Pending'");
    }
}
