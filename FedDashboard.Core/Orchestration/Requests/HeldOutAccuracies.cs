using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// Evaluates a job's versions on a held-out set with TorchSharp and keeps each result (<see cref="HeldOutEvaluation"/>), so a
/// version is evaluated once per set however often a request's status is brought up to date.
/// </summary>
public sealed class HeldOutAccuracies(IDbContextFactory<FedDbContext> dbFactory, ModelBlobStore blobs, FederatedData data, TimeProvider clock)
{
    /// <summary>Evaluates every promoted version of the job, approved or awaiting approval, that has no result on the set yet.</summary>
    public async Task EvaluateAsync(int jobId, HeldOutSet set, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await db.TrainingJobs.Where(j => j.Id == jobId).Select(j => j.Settings.Model).SingleAsync(ct);
        var missing = await db.ModelVersions.AsNoTracking()
            .Where(v => v.JobId == jobId && v.Number > 0 && (v.Status == ModelVersionStatus.Approved || v.Status == ModelVersionStatus.PendingApproval)
                && !db.HeldOutEvaluations.Any(e => e.VersionId == v.Id && e.SetName == set.Name))
            .Select(v => new { v.Id, v.ModelHash })
            .ToListAsync(ct);
        if (missing.Count == 0) return;
        var images = data.HeldOut(set);
        foreach (var version in missing)
        {
            var result = ModelEvaluator.Evaluate(new ModelSpec(model), blobs.Get(version.ModelHash), images);
            db.HeldOutEvaluations.Add(new(version.Id, set.Name, result.Accuracy, result.Loss, result.Samples, clock.GetUtcNow()));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another pass evaluated the same versions at the same time: the same model on the same images, the same result.
        }
    }
}
