using FedDashboard.Core.Governance;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration;

/// <summary>Queries about where a job stands, shared by the steps that move it on.</summary>
internal static class JobProgress
{
    /// <summary>The model the next round trains from: the version the job publishes.</summary>
    public static Task<ModelVersion> CurrentModelAsync(this FedDbContext db, TrainingJob job, CancellationToken ct) =>
        db.ModelVersions.SingleAsync(v => v.Id == job.PublishedVersionId, ct);

    public static Task<Round?> LatestRoundAsync(this FedDbContext db, int jobId, CancellationToken ct) =>
        db.Rounds.Where(r => r.JobId == jobId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);

    /// <summary>Why the job should stop before round <paramref name="nextRound"/>, or null to go on.</summary>
    public static async Task<string?> TerminationReasonAsync(this FedDbContext db, TrainingJob job, int nextRound, CancellationToken ct)
    {
        var termination = job.Policy.Termination;
        if (nextRound > termination.MaxRounds) return $"Completed the maximum of {termination.MaxRounds} rounds.";
        if (termination.TargetAccuracy is not { } target) return null;

        var best = await db.ModelVersions
            .Where(v => v.JobId == job.Id && v.TestAccuracy >= target)
            .OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.TestAccuracy })
            .FirstOrDefaultAsync(ct);
        return best is null ? null : $"Reached the target test accuracy {target:P1} with v{best.Number} ({best.TestAccuracy:P2}) after round {nextRound - 1}.";
    }
}
