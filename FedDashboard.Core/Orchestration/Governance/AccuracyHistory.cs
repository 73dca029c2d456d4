using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance;

public sealed record RoundAccuracy(int Round, double Accuracy);

public static class AccuracyHistory
{
    /// <summary>The test accuracy of each central model of a job, by the round that produced it.</summary>
    public static Task<List<RoundAccuracy>> AccuracyByRoundAsync(this FedDbContext db, int jobId, CancellationToken ct = default) =>
        db.ModelVersions
            .Where(v => v.JobId == jobId && v.RoundId != null && v.TestAccuracy != null)
            .Join(db.Rounds, v => v.RoundId, r => r.Id, (v, r) => new { r.Number, Accuracy = v.TestAccuracy!.Value })
            .OrderBy(p => p.Number)
            .Select(p => new RoundAccuracy(p.Number, p.Accuracy))
            .ToListAsync(ct);
}
