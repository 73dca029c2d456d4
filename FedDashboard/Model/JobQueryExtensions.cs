using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

internal static class JobQueryExtensions
{
    /// <summary>The job the pages show: the newest one.</summary>
    public static Task<JobSummary?> LatestJobSummaryAsync(this FedDbContext db, CancellationToken ct) =>
        db.TrainingJobs.OrderByDescending(j => j.Id)
            .Select(j => new JobSummary(j.Id, j.Name, j.Status, j.EndReason, j.Settings, j.Policy))
            .FirstOrDefaultAsync(ct);

    public static Task<Round?> LatestRoundSummaryAsync(this FedDbContext db, int jobId, CancellationToken ct) =>
        db.Rounds.AsNoTracking().Where(r => r.JobId == jobId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
}
