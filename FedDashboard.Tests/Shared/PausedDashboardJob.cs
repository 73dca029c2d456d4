using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// A paused job of a test's own on the running dashboard, without auto-approve, so no round runs under it; removed with
/// its proposals when disposed, because the dashboard's pages open on the newest job, which the collection's other
/// tests expect to be the default job.
/// </summary>
public sealed class PausedDashboardJob : IAsyncDisposable
{
    private readonly DashboardProcess _dashboard;

    private PausedDashboardJob(DashboardProcess dashboard, int id) => (_dashboard, Id) = (dashboard, id);

    public int Id { get; }

    public static async Task<PausedDashboardJob> CreateAsync(DashboardProcess dashboard, string name, string createdBy = "olga")
    {
        await using var db = dashboard.Db();
        var job = new TrainingJob(name, TestData.Settings(), TestData.Policy(autoApprove: false), 40, createdBy, DateTimeOffset.UtcNow);
        job.Pause();
        db.TrainingJobs.Add(job);
        await db.SaveChangesAsync();
        return new PausedDashboardJob(dashboard, job.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await using var db = _dashboard.Db();
        await db.JobPolicyProposals.Where(p => p.JobId == Id).ExecuteDeleteAsync();
        await db.TrainingJobs.Where(j => j.Id == Id).ExecuteDeleteAsync();
    }
}
