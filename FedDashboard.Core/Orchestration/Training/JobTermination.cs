using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// When a job ends, under the termination policy it has as a round is about to start. A round already running
/// is ended by its own deadline, so a job overruns its maximum duration by at most one round; time spent paused counts.
/// </summary>
/// <remarks>
/// The target counts only once an approved version reaches it: a version pending approval may still be rejected, and a
/// job ended on it would have nothing left to offer. So a job trains on while its best version awaits an approver, and
/// ends at the first round start after an approval (at once where the job approves its own versions).
/// </remarks>
internal static class JobTermination
{
    /// <param name="nextRound">The round about to start.</param>
    /// <param name="eligible">The terminals that met their edge's standard for that round.</param>
    /// <returns>Why the job ends instead of starting the round, or null to go on.</returns>
    public static async Task<JobEnd?> EndBeforeRoundAsync(this FedDbContext db, TrainingJob job, int nextRound, int eligible, DateTimeOffset now, CancellationToken ct)
    {
        var policy = job.Policy.Termination;
        if (nextRound > policy.MaxRounds)
            return new(JobEndCondition.MaxRounds, $"Completed the maximum of {policy.MaxRounds} rounds.");
        if (policy.MaxDurationMinutes is { } minutes && now - job.CreatedAt >= TimeSpan.FromMinutes(minutes))
            return new(JobEndCondition.MaxDuration, string.Create(CultureInfo.InvariantCulture, $"Ran for {(now - job.CreatedAt).TotalMinutes:0.#} minutes, reaching the maximum duration of {minutes:0.##} minutes, after round {nextRound - 1}."));
        if (policy.TargetAccuracy is { } target && await FirstReachingAsync(db, job.Id, target, ct) is { } version)
            return new(JobEndCondition.TargetAccuracy, string.Create(CultureInfo.InvariantCulture, $"Reached the target test accuracy {target:P1} with {version.Label} ({version.TestAccuracy:P2}) after round {nextRound - 1}."));
        if (policy.MinEligibleTerminals is { } minimum && eligible < minimum)
            return new(JobEndCondition.TooFewEligibleTerminals, $"Only {eligible} terminals were eligible for round {nextRound}, fewer than the minimum of {minimum}.");
        if (policy.MaxMeanLoad is { } maxLoad && await MeanLoadInCoverageAsync(db, job, ct) is { } load && load > maxLoad)
            return new(JobEndCondition.LoadTooHigh, string.Create(CultureInfo.InvariantCulture, $"The mean CPU load of the job's terminals in coverage was {load:P1} when round {nextRound} was to start, above the maximum of {maxLoad:P1}."));
        return null;
    }

    /// <summary>The first approved version whose test accuracy reaches the target.</summary>
    private static Task<ModelVersion?> FirstReachingAsync(FedDbContext db, int jobId, double target, CancellationToken ct) =>
        db.ModelVersions
            .Where(v => v.JobId == jobId && v.Number != null && v.Status == ModelVersionStatus.Approved && v.TestAccuracy >= target)
            .OrderBy(v => v.Number)
            .FirstOrDefaultAsync(ct);

    /// <summary>Of the terminals online in some edge's coverage that hold the job's data; null when there are none.</summary>
    private static Task<double?> MeanLoadInCoverageAsync(FedDbContext db, TrainingJob job, CancellationToken ct) =>
        db.TerminalsInCoverageFor(job)
            .AverageAsync(t => (double?)t.CpuLoad, ct);
}
