using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed class JobPageQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <summary>The job with this id, or the newest job when none is given; null when there is no such job.</summary>
    public async Task<JobPageState?> LoadAsync(int? jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.JobSummaryAsync(jobId, ct) is not { } job) return null;
        var round = await db.LatestRoundSummaryAsync(job.Id, ct);
        var published = await db.ModelVersions.Where(v => v.Id == job.PublishedVersionId).Select(v => v.Number).SingleOrDefaultAsync(ct);
        return new JobPageState(job, round?.Number, round?.Phase, published);
    }
}
