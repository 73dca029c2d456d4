using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FedDashboard.Core.Persistence.Configurations;

internal sealed class ClientApplicationConfiguration : IEntityTypeConfiguration<ClientApplication>
{
    public void Configure(EntityTypeBuilder<ClientApplication> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(ClientDetails.NameMaxLength);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.ContactEmail).HasMaxLength(ClientDetails.EmailMaxLength);
        // By name, as every enum is stored, so the array does not change meaning if the enum's order does.
        builder.PrimitiveCollection(c => c.AllowedModels).ElementType(e => e.HasConversion<string>().HasMaxLength(32));
        builder.Property(c => c.SpendingLimit).HasPrecision(18, RewardCalculator.Decimals);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.CreatedBy).HasMaxLength(64);
        builder.Property(c => c.SuspendedBy).HasMaxLength(64);
    }
}
