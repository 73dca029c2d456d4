using System.Text.Json;
using System.Text.Json.Serialization;
using FedDashboard.Core.Topology;
using FedDashboard.Core.Topology.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class EdgeServerConfiguration : IEntityTypeConfiguration<EdgeServer>
{
    private static readonly JsonSerializerOptions PolicyJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<EdgeServer> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.HasIndex(e => e.Name).IsUnique();
        // The policy is replaced whole, never edited in place, so it is one JSON document compared by its text.
        builder.Property(e => e.Policy)
            .HasColumnType("jsonb")
            .HasConversion(
                policy => JsonSerializer.Serialize(policy, PolicyJson),
                json => JsonSerializer.Deserialize<EdgePolicy>(json, PolicyJson) ?? EdgePolicy.Default,
                new ValueComparer<EdgePolicy>(
                    (a, b) => JsonSerializer.Serialize(a, PolicyJson) == JsonSerializer.Serialize(b, PolicyJson),
                    policy => JsonSerializer.Serialize(policy, PolicyJson).GetHashCode(),
                    policy => policy));
        builder.Property(e => e.Version).IsRowVersion();
    }
}
