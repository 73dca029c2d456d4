using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// How far a request's job has come: its latest round, its best promoted accuracy, and the time left by <see cref="TimeLeftEstimate"/>.
/// The accuracy is the one the condition is on: on the request's held-out set when it names one (of the versions evaluated on it so far).
/// </summary>
public sealed record RequestProgress(int? Round, double? BestAccuracy, TimeSpan? EstimatedTimeLeft)
{
    public static RequestProgress None { get; } = new(null, null, null);

    public static async Task<RequestProgress> OfAsync(FedDbContext db, TrainingRequest request, CancellationToken ct)
    {
        if (request.JobId is not { } jobId) return None;
        var round = await db.Rounds.Where(r => r.JobId == jobId).MaxAsync(r => (int?)r.Number, ct);
        var versions = db.ModelVersions.Where(v => v.JobId == jobId && v.Number > 0 && v.Status != ModelVersionStatus.Rejected);
        var points = request.Condition.HeldOutSet is { } set
            ? await versions.Join(db.HeldOutEvaluations.Where(e => e.SetName == set), v => v.Id, e => e.VersionId, (v, e) => new AccuracyPoint(v.CreatedAt, e.Accuracy)).ToListAsync(ct)
            : await versions.Where(v => v.TestAccuracy != null).Select(v => new AccuracyPoint(v.CreatedAt, v.TestAccuracy!.Value)).ToListAsync(ct);
        var best = points.Count == 0 ? (double?)null : points.Max(p => p.Accuracy);
        var left = request.IsOpen ? TimeLeftEstimate.Of(points, request.Condition.TargetAccuracy) : null;
        return new(round, best, left);
    }
}
