using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed class JobQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    public async Task<JobSummary?> LatestAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LatestJobSummaryAsync(ct);
    }
}
