using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FedDashboard.Core.Persistence;

/// <summary>For `dotnet ef migrations add`: the model needs no live server, only the provider.</summary>
internal sealed class DesignTimeFedDbContextFactory : IDesignTimeDbContextFactory<FedDbContext>
{
    public FedDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql("Host=127.0.0.1;Database=feddashboard_design").Options);
}
