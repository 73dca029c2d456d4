using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>Queries about where a job stands, shared by the steps that move it on.</summary>
internal static class JobProgress
{
    /// <summary>The model the next round trains from: the version the job publishes.</summary>
    public static Task<ModelVersion> CurrentModelAsync(this FedDbContext db, TrainingJob job, CancellationToken ct) =>
        db.ModelVersions.SingleAsync(v => v.Id == job.PublishedVersionId, ct);

    public static Task<Round?> LatestRoundAsync(this FedDbContext db, int jobId, CancellationToken ct) =>
        db.Rounds.Where(r => r.JobId == jobId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
}
