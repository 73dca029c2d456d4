using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class ClientSigningSecretConfiguration : IEntityTypeConfiguration<ClientSigningSecret>
{
    public void Configure(EntityTypeBuilder<ClientSigningSecret> builder)
    {
        builder.HasOne<ClientApplication>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.KeyId).HasMaxLength(40);
        builder.HasIndex(s => s.KeyId).IsUnique();
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        builder.Property(s => s.CreatedBy).HasMaxLength(64);
        builder.Property(s => s.ShownTo).HasMaxLength(64);
        // One current secret per client: two nodes creating it on first need at once, one wins.
        builder.HasIndex(s => s.ClientId).IsUnique().HasFilter("\"RetiredAt\" IS NULL");
    }
}
