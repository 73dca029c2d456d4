using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed class JobPageQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <summary>The job with this id, or the newest job when none is given; null when there is no such job.</summary>
    public async Task<JobPageState?> LoadAsync(int? jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.JobSummaryAsync(jobId, ct) is not { } job) return null;
        var round = await db.LatestRoundSummaryAsync(job.Id, ct);
        var published = await db.ModelVersions.Where(v => v.Id == job.PublishedVersionId).Select(v => v.Number).SingleOrDefaultAsync(ct);
        var proposal = await db.JobPolicyProposals.Where(p => p.JobId == job.Id && p.Status == ProposalStatus.Pending)
            .Select(p => new { p.ProposedBy, p.ProposedAt, p.Relaxations })
            .SingleOrDefaultAsync(ct);
        return new JobPageState(job, round?.Number, round?.Phase, published, proposal is null ? null
            : $"{proposal.ProposedBy} proposed on {proposal.ProposedAt.ToLocalTime():yyyy-MM-dd HH:mm} a change that {proposal.Relaxations}. " +
              $"It waits for an approver other than {proposal.ProposedBy} (Policies page); the policy above holds until then.");
    }
}
