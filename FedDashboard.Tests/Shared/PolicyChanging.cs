using FedDashboard.Core.Domain.Policies.Job;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

public static class PolicyChanging
{
    /// <summary>Changes a job's policy as an operator's edit would, taking effect from the next round.</summary>
    public static async Task ChangeJobPolicyAsync(this FedTestHost host, int jobId, Func<JobPolicy, JobPolicy> change)
    {
        await using var db = host.Db();
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId);
        job.ChangePolicy(change(job.Policy), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
