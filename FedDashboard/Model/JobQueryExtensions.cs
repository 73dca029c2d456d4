using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

internal static class JobQueryExtensions
{
    /// <summary>The job the pages show: the newest one.</summary>
    public static Task<JobSummary?> LatestJobSummaryAsync(this FedDbContext db, CancellationToken ct) =>
        Summaries(db.TrainingJobs.OrderByDescending(j => j.Id)).FirstOrDefaultAsync(ct);

    /// <summary>The job with this id, or the newest job when none is given.</summary>
    public static Task<JobSummary?> JobSummaryAsync(this FedDbContext db, int? jobId, CancellationToken ct) =>
        jobId is { } id ? Summaries(db.TrainingJobs.Where(j => j.Id == id)).SingleOrDefaultAsync(ct) : db.LatestJobSummaryAsync(ct);

    public static Task<Round?> LatestRoundSummaryAsync(this FedDbContext db, int jobId, CancellationToken ct) =>
        db.Rounds.AsNoTracking().Where(r => r.JobId == jobId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);

    private static IQueryable<JobSummary?> Summaries(IQueryable<TrainingJob> jobs) =>
        jobs.Select(j => new JobSummary(j.Id, j.Name, j.Status, j.EndReason, j.Settings, j.Policy,
            j.CreatedBy, j.CreatedAt, j.EndCondition, j.EndedAt, j.PublishedVersionId));
}
