using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Bench;

/// <summary>The app's own context options with a <see cref="QueryCounter"/> added, for the page queries under measurement.</summary>
internal sealed class CountedDbContextFactory(DbContextOptions<FedDbContext> appOptions, QueryCounter counter) : IDbContextFactory<FedDbContext>
{
    private readonly DbContextOptions<FedDbContext> _options = new DbContextOptionsBuilder<FedDbContext>(appOptions).AddInterceptors(counter).Options;

    public FedDbContext CreateDbContext() => new(_options);
}
