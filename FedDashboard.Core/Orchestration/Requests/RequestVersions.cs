using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>Which of a request's job's versions count: the one that met its condition, and the best so far.</summary>
public static class RequestVersions
{
    /// <summary>
    /// The earliest version of the job in that standing that meets the request's condition. On a named held-out set only
    /// versions already evaluated on it count (<see cref="HeldOutAccuracies"/>).
    /// </summary>
    public static Task<ModelVersion?> MeetingAsync(FedDbContext db, TrainingRequest request, int jobId, ModelVersionStatus status, CancellationToken ct)
    {
        var target = request.Condition.TargetAccuracy;
        var maxLoss = request.Condition.MaxTestLoss;
        var versions = db.ModelVersions.AsNoTracking().Where(v => v.JobId == jobId && v.Number > 0 && v.Status == status);
        if (request.Condition.HeldOutSet is { } set)
            versions = versions.Where(v => db.HeldOutEvaluations.Any(e =>
                e.VersionId == v.Id && e.SetName == set && e.Accuracy >= target && (maxLoss == null || e.Loss <= maxLoss)));
        else
            versions = versions.Where(v => v.TestAccuracy >= target && (maxLoss == null || v.TestLoss <= maxLoss));
        return versions.OrderBy(v => v.Number).FirstOrDefaultAsync(ct);
    }

    /// <summary>The promoted, not rejected version with the highest test accuracy (the earliest of equals), as the request's best accuracy counts them.</summary>
    public static Task<ModelVersion?> BestAsync(FedDbContext db, int jobId, CancellationToken ct) =>
        db.ModelVersions.AsNoTracking()
            .Where(v => v.JobId == jobId && v.Number > 0 && v.Status != ModelVersionStatus.Rejected && v.TestAccuracy != null)
            .OrderByDescending(v => v.TestAccuracy).ThenBy(v => v.Number)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// What the request delivers: for Met the approved version that met the condition; for Failed the best version so
    /// far, which does not meet it; nothing while it is open, once cancelled, or when no version was promoted.
    /// </summary>
    public static async Task<ModelVersion?> DeliveredAsync(FedDbContext db, TrainingRequest request, CancellationToken ct) =>
        (request.Status, request.JobId) switch
        {
            (TrainingRequestStatus.Met, { } jobId) => await MeetingAsync(db, request, jobId, ModelVersionStatus.Approved, ct),
            (TrainingRequestStatus.Failed, { } jobId) => await BestAsync(db, jobId, ct),
            _ => null,
        };
}
