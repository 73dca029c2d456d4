using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Requests.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class RequestAllocationConfiguration : IEntityTypeConfiguration<RequestAllocation>
{
    public void Configure(EntityTypeBuilder<RequestAllocation> builder)
    {
        builder.HasOne<TrainingRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.RequestId, a.Id });
        builder.Property(a => a.Edges).AsJson<IReadOnlyList<EdgeQuota>>([]);
        builder.Property(a => a.Reasons).AsJson<IReadOnlyList<string>>([]);
        builder.Ignore(a => a.Total);
    }
}
