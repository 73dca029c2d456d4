using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>Whole jobs run by the real Hangfire workers on PostgreSQL, nobody driving the steps.</summary>
public sealed class EndToEndTrainingTests
{
    [Fact]
    public async Task LaunchAsync_ThreeRoundsAutoApproved_JobCompletesWithImprovingVersionsAndRewards()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: true, terminals: 20);
        var job = await host.Get<JobLauncher>().LaunchAsync("e2e", TestData.Settings(), TestData.Policy(maxRounds: 3));

        await Eventually.WaitForAsync(async () =>
        {
            await using var db = host.Db();
            return await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == job.Id && j.Status == JobStatus.Completed
                && db.Rounds.Where(r => r.JobId == j.Id).All(r => r.RewardedAt != null));
        }, TimeSpan.FromMinutes(3), "the job to complete and its rounds to be rewarded", () => RoundStateReport.DescribeAsync(host.ConnectionString));

        await using var db = host.Db();
        var rounds = await db.Rounds.Include(r => r.Participants).Where(r => r.JobId == job.Id).OrderBy(r => r.Number).ToListAsync();
        var versions = await db.ModelVersions.Where(v => v.JobId == job.Id && v.Number > 0).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2, 3], rounds.Select(r => r.Number));
        Assert.All(rounds, r => Assert.Equal(RoundPhase.Completed, r.Phase));
        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.All(versions, v => Assert.Equal(ModelVersionStatus.Approved, v.Status));
        Assert.True(versions[2].TestAccuracy > versions[0].TestAccuracy, $"v3 {versions[2].TestAccuracy:P2} should beat v1 {versions[0].TestAccuracy:P2}");
        Assert.Equal(rounds.Sum(r => r.Participants.Count(p => p.Status == ParticipantStatus.Reported)), await db.RewardEntries.CountAsync(e => e.JobId == job.Id));
    }

    [Fact]
    public async Task LaunchAsync_WithoutAutoApprove_VersionsWaitForOperator()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: true, terminals: 20);
        var job = await host.Get<JobLauncher>().LaunchAsync("manual", TestData.Settings(), TestData.Policy(maxRounds: 1, autoApprove: false));

        var version = await Eventually.WaitForAsync(async () =>
        {
            await using var db = host.Db();
            return await db.ModelVersions.SingleOrDefaultAsync(v => v.JobId == job.Id && v.Number == 1);
        }, TimeSpan.FromMinutes(2), "v1", () => RoundStateReport.DescribeAsync(host.ConnectionString));

        Assert.Equal(ModelVersionStatus.PendingApproval, version.Status);
    }
}
