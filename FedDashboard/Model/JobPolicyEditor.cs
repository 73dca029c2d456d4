using FedDashboard.Core.Governance.Policies;
using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>Loads the policies of the jobs that have not ended into forms and saves one as the job's next policy revision.</summary>
public sealed class JobPolicyEditor(IDbContextFactory<FedDbContext> dbFactory, PolicyChanges changes)
{
    public async Task<IReadOnlyList<JobPolicyForm>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.TrainingJobs.AsNoTracking()
            .Where(j => j.Status != JobStatus.Completed && j.Status != JobStatus.Aborted)
            .OrderByDescending(j => j.Id)
            .ToListAsync(ct);
        return [.. jobs.Select(JobPolicyForm.From)];
    }

    public Task<PolicySaveResult> SaveAsync(JobPolicyForm form, Actor actor, CancellationToken ct = default)
    {
        var policy = form.ToPolicy();
        return PolicySaving.SaveAsync(form, form.Name, policy.Validate(),
            () => changes.ChangeJobPolicyAsync(actor, form.JobId, policy, form.Revision, ct),
            saved => form.Reset(policy, saved.Revision, saved.ChangedAt));
    }

    public async Task<bool> ReloadAsync(JobPolicyForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.TrainingJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == form.JobId, ct) is not { } job) return false;
        form.Reset(job.Policy, job.PolicyRevision, job.PolicyChangedAt);
        return true;
    }
}
