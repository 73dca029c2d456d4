using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>How far a request's job has come: its latest round, its best promoted test accuracy, and the time left by <see cref="TimeLeftEstimate"/>.</summary>
public sealed record RequestProgress(int? Round, double? BestAccuracy, TimeSpan? EstimatedTimeLeft)
{
    public static RequestProgress None { get; } = new(null, null, null);

    public static async Task<RequestProgress> OfAsync(FedDbContext db, TrainingRequest request, CancellationToken ct)
    {
        if (request.JobId is not { } jobId) return None;
        var round = await db.Rounds.Where(r => r.JobId == jobId).MaxAsync(r => (int?)r.Number, ct);
        var points = await db.ModelVersions
            .Where(v => v.JobId == jobId && v.Number > 0 && v.Status != ModelVersionStatus.Rejected && v.TestAccuracy != null)
            .Select(v => new AccuracyPoint(v.CreatedAt, v.TestAccuracy!.Value))
            .ToListAsync(ct);
        var best = points.Count == 0 ? (double?)null : points.Max(p => p.Accuracy);
        var left = request.IsOpen ? TimeLeftEstimate.Of(points, request.Condition.TargetAccuracy) : null;
        return new(round, best, left);
    }
}
