using FedDashboard.Core.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class ClientApiKeyConfiguration : IEntityTypeConfiguration<ClientApiKey>
{
    public void Configure(EntityTypeBuilder<ClientApiKey> builder)
    {
        builder.Property(k => k.KeyId).HasMaxLength(32);
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => k.ClientId);
        // Flags: their names joined would outgrow the enums' text column.
        builder.Property(k => k.Scopes).HasConversion<int>();
        builder.Property(k => k.CreatedBy).HasMaxLength(64);
        builder.Property(k => k.RevokedBy).HasMaxLength(64);
        builder.Property(k => k.RevokeReason).HasMaxLength(ClientApiKey.RevokeReasonMaxLength);
        builder.HasOne<ClientApplication>().WithMany().HasForeignKey(k => k.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClientApiKey>().WithMany().HasForeignKey(k => k.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_ClientApiKeys_Scopes", $"\"Scopes\" > 0 AND \"Scopes\" <= {(int)ClientKeyScopes.All}"));
    }
}
