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

    /// <summary>The job with this id, or the newest job when none is given.</summary>
    public async Task<JobSummary?> FindAsync(int? jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JobSummaryAsync(jobId, ct);
    }
}
