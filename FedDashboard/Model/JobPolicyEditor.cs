using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>
/// Loads the policies of the jobs that have not ended, each with its pending proposal, into forms; saves one as the job's
/// next policy revision (or as a proposal when it relaxes the policy); and lets an approver decide on a proposal.
/// </summary>
public sealed class JobPolicyEditor(IDbContextFactory<FedDbContext> dbFactory, PolicyChanges changes, JobPolicyProposals proposals)
{
    public async Task<IReadOnlyList<JobPolicyForm>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.TrainingJobs.AsNoTracking()
            .Where(j => j.Status != JobStatus.Completed && j.Status != JobStatus.Aborted)
            .OrderByDescending(j => j.Id)
            .ToListAsync(ct);
        var jobIds = jobs.Select(j => j.Id).ToList();
        var pending = await db.JobPolicyProposals.AsNoTracking()
            .Where(p => jobIds.Contains(p.JobId) && p.Status == ProposalStatus.Pending)
            .ToDictionaryAsync(p => p.JobId, ct);
        return [.. jobs.Select(job =>
        {
            var form = JobPolicyForm.From(job);
            form.Proposal = pending.TryGetValue(job.Id, out var proposal) ? PendingProposal.Of(proposal, job.Policy) : null;
            return form;
        })];
    }

    public async Task<PolicySaveResult> SaveAsync(JobPolicyForm form, Actor actor, CancellationToken ct = default)
    {
        var result = await PolicySaving.SaveAsync(form, form.Name, (policy, revision) => changes.ChangeJobPolicyAsync(actor, form.JobId, policy, revision, ct));
        // A saved change supersedes the pending proposal, a proposed one replaces it: the form shows what holds now.
        if (result.Outcome is PolicySaveOutcome.Saved or PolicySaveOutcome.Proposed) await ReloadAsync(form, ct);
        return result;
    }

    public async Task<bool> ReloadAsync(JobPolicyForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.TrainingJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == form.JobId, ct) is not { } job) return false;
        form.Load(job);
        var proposal = await db.JobPolicyProposals.AsNoTracking().SingleOrDefaultAsync(p => p.JobId == job.Id && p.Status == ProposalStatus.Pending, ct);
        form.Proposal = proposal is null ? null : PendingProposal.Of(proposal, job.Policy);
        return true;
    }

    public Task<PolicySaveResult> AcceptAsync(JobPolicyForm form, Actor actor, string? comment, CancellationToken ct = default) =>
        DecideAsync(form, () => proposals.AcceptAsync(actor, form.Proposal!.Id, comment, ct),
            $"{form.Name}: the proposed change is accepted and takes effect from the next round.", ct);

    public Task<PolicySaveResult> RejectAsync(JobPolicyForm form, Actor actor, string? reason, CancellationToken ct = default) =>
        DecideAsync(form, () => proposals.RejectAsync(actor, form.Proposal!.Id, reason, ct),
            $"{form.Name}: the proposed change is rejected; the policy stays as it is.", ct);

    private async Task<PolicySaveResult> DecideAsync(JobPolicyForm form, Func<Task<JobPolicyProposal>> decide, string done, CancellationToken ct)
    {
        try
        {
            await decide();
        }
        catch (AccessDeniedException refusal)
        {
            return new(PolicySaveOutcome.Refused, $"{form.Name}: nothing was decided. {refusal.Message}");
        }
        catch (Exception refusal) when (refusal is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            await ReloadAsync(form, ct);
            return new(PolicySaveOutcome.Conflict, $"{form.Name}: nothing was decided. {refusal.Message}");
        }
        await ReloadAsync(form, ct);
        return new(PolicySaveOutcome.Saved, done);
    }
}
