using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TelemetryRecordConfiguration : IEntityTypeConfiguration<TelemetryRecord>
{
    public void Configure(EntityTypeBuilder<TelemetryRecord> builder)
    {
        builder.HasOne<Terminal>().WithMany().HasForeignKey(r => r.TerminalId);
        builder.HasIndex(r => new { r.TerminalId, r.At });
        builder.HasIndex(r => r.At);
    }
}
