using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance;

/// <summary>
/// Records a central aggregate as a candidate: promoted to the job's next version number when it meets the job's
/// promotion policy, otherwise kept as not promoted with the reason. Under auto-approve (unattended operation) the
/// system approves and publishes a promoted version, audited as any approver's decision.
/// </summary>
internal static class CandidateVersions
{
    /// <summary>
    /// Saves the candidate, whose id a publication names; the caller's next SaveChanges commits the automatic approval.
    /// Runs inside the aggregation's transaction, which holds the round's row lock, so a job's rounds take numbers one
    /// at a time; the unique keys on (job, number) and on the round back that up.
    /// </summary>
    public static async Task<ModelVersion> AddCandidateAsync(this FedDbContext db, TrainingJob job, ModelVersion parent, int roundId, string modelHash,
        EvaluationResult evaluation, DateTimeOffset at, CancellationToken ct, string? serverStateHash = null)
    {
        var version = Promotion.Refusal(job.Policy.Promotion, evaluation.Accuracy, parent) is { } reason
            ? ModelVersion.NotPromoted(parent, roundId, modelHash, evaluation.Accuracy, evaluation.Loss, reason, at, serverStateHash)
            : ModelVersion.Promoted(parent, await NextNumberAsync(db, job.Id, ct), roundId, modelHash, evaluation.Accuracy, evaluation.Loss, at, serverStateHash);
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(ct);

        if (job.Policy.AutoApprove && version.Status == ModelVersionStatus.PendingApproval)
        {
            db.Approve(Actor.System, version, "The job approves its versions automatically.", at);
            await db.PublishAsync(Actor.System, job, version, at, ct);
        }
        return version;
    }

    private static async Task<int> NextNumberAsync(FedDbContext db, int jobId, CancellationToken ct)
    {
        var newest = await db.ModelVersions.Where(v => v.JobId == jobId).MaxAsync(v => v.Number, ct);
        return (newest ?? throw new InvalidOperationException($"Job {jobId} has no initial version.")) + 1;
    }
}
