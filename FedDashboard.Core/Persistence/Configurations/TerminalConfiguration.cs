using FedDashboard.Core.Domain.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class TerminalConfiguration : IEntityTypeConfiguration<Terminal>
{
    public void Configure(EntityTypeBuilder<Terminal> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.App).HasMaxLength(Terminal.MaxAppLength);
        builder.Property(t => t.AgentVersion).HasMaxLength(Terminal.MaxAgentVersionLength);
        // Every heartbeat rewrites a terminal's row (20,000 a second at 100,000 terminals). Room left in each page, and no
        // index on a column a heartbeat changes (OnlineUntil, telemetry), let PostgreSQL update it in place (a HOT update)
        // without a new entry in every index; the liveness sweep reads OnlineUntil by scanning.
        builder.HasStorageParameter("fillfactor", 70);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasIndex(t => t.DataOrdinal).IsUnique();
        // The few agents among a big simulated fleet, counted by the coverage map without reading the fleet.
        builder.HasIndex(t => t.Origin).HasFilter($"\"Origin\" = '{nameof(TerminalOrigin.Agent)}'");
        builder.HasOne<EdgeServer>().WithMany().HasForeignKey(t => t.EdgeId).OnDelete(DeleteBehavior.SetNull);
    }
}
