using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>A job ends by its termination policy when its next round is to start; rounds by hand.</summary>
public sealed class JobTerminationTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<TrainingJob> LaunchAsync(TerminationPolicy termination, PromotionPolicy? promotion = null) =>
        _host.Get<JobLauncher>().LaunchAsync("termination", TestData.Settings(),
            TestData.Policy() with { Termination = termination, Promotion = promotion ?? new() });

    private async Task<(TrainingJob Job, int Rounds)> StoredAsync(TrainingJob job)
    {
        await using var db = _host.Db();
        return (await db.TrainingJobs.SingleAsync(j => j.Id == job.Id), await db.Rounds.CountAsync(r => r.JobId == job.Id));
    }

    [Fact]
    public async Task StartNextRound_MaxDurationPassed_CompletesWithDurationReasonInsteadOfARound()
    {
        // A billionth of a minute: over by the time the round is to start, however fast the machine.
        var job = await LaunchAsync(new TerminationPolicy { MaxDurationMinutes = 1e-9 });

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal((JobStatus.Completed, JobEndCondition.MaxDuration), (stored.Status, stored.EndCondition));
        Assert.Matches(@"^Ran for [\d.]+ minutes, reaching the maximum duration of 0 minutes, after round 0\.$", stored.EndReason);
        Assert.Equal(0, rounds);
    }

    [Fact]
    public async Task StartNextRound_DurationLeft_StartsTheRound()
    {
        var job = await LaunchAsync(new TerminationPolicy { MaxDurationMinutes = 60 });

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal(JobStatus.Running, stored.Status);
        Assert.Equal(1, rounds);
    }

    [Fact]
    public async Task StartNextRound_VersionReachedTarget_CompletesWithAccuracyReason()
    {
        var job = await LaunchAsync(new TerminationPolicy { TargetAccuracy = 0.5 });
        await _host.RunRoundByHandAsync(job.Id);

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal((JobStatus.Completed, JobEndCondition.TargetAccuracy), (stored.Status, stored.EndCondition));
        Assert.Matches(@"^Reached the target test accuracy 50\.0 % with v1 \(\d+\.\d\d %\) after round 1\.$", stored.EndReason);
        Assert.Equal(1, rounds);
    }

    [Fact]
    public async Task StartNextRound_TargetReachedByVersionPendingApproval_StartsTheNextRound()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("termination", TestData.Settings(), TestData.Policy(autoApprove: false, targetAccuracy: 0.5));
        await _host.RunRoundByHandAsync(job.Id);

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal(JobStatus.Running, stored.Status);
        Assert.Equal(2, rounds);
    }

    [Fact]
    public async Task StartNextRound_ApproverApprovedTheVersionReachingTheTarget_Completes()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("termination", TestData.Settings(), TestData.Policy(autoApprove: false, targetAccuracy: 0.5));
        await _host.RunRoundByHandAsync(job.Id);
        await using (var db = _host.Db())
            await _host.Get<VersionDecisions>().ApproveAsync((await db.ModelVersions.SingleAsync(v => v.JobId == job.Id && v.Number == 1)).Id, TestData.Approver, null);

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal((JobStatus.Completed, JobEndCondition.TargetAccuracy), (stored.Status, stored.EndCondition));
        Assert.Equal(1, rounds);
    }

    [Fact]
    public async Task StartNextRound_TargetReachedOnlyByCandidateNotPromoted_StartsTheNextRound()
    {
        var job = await LaunchAsync(new TerminationPolicy { TargetAccuracy = 0.5 },
            new PromotionPolicy { Rule = PromotionRule.AtLeastReference, ReferenceAccuracy = 0.999 });
        await _host.RunRoundByHandAsync(job.Id);

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal(JobStatus.Running, stored.Status);
        Assert.Equal(2, rounds);
    }

    [Fact]
    public async Task StartNextRound_FewerTerminalsMeetTheStandardThanTheMinimum_CompletesWithResourceReason()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Selection = SelectionMode.Standard, MaxCpuLoad = 0.5 });
        await _host.KeepOnlyAsync(TestData.Terminal(load: 0.1), TestData.Terminal(load: 0.2), TestData.Terminal(load: 0.9));
        var job = await LaunchAsync(new TerminationPolicy { MinEligibleTerminals = 3 });

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal((JobStatus.Completed, JobEndCondition.TooFewEligibleTerminals), (stored.Status, stored.EndCondition));
        Assert.Equal("Only 2 terminals were eligible for round 1, fewer than the minimum of 3.", stored.EndReason);
        Assert.Equal(0, rounds);
    }

    [Fact]
    public async Task StartNextRound_AsManyEligibleAsTheMinimum_StartsTheRound()
    {
        await _host.KeepOnlyAsync(TestData.Terminal(), TestData.Terminal(), TestData.Terminal());
        var job = await LaunchAsync(new TerminationPolicy { MinEligibleTerminals = 3 });

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal(JobStatus.Running, stored.Status);
        Assert.Equal(1, rounds);
    }

    [Fact]
    public async Task StartNextRound_MeanLoadInCoverageAboveMaximum_CompletesWithLoadReason()
    {
        await _host.KeepOnlyAsync(TestData.Terminal(load: 0.8), TestData.Terminal(load: 0.6));
        var job = await LaunchAsync(new TerminationPolicy { MaxMeanLoad = 0.65 });

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal((JobStatus.Completed, JobEndCondition.LoadTooHigh), (stored.Status, stored.EndCondition));
        Assert.Equal("The mean CPU load of the job's terminals in coverage was 70.0 % when round 1 was to start, above the maximum of 65.0 %.", stored.EndReason);
        Assert.Equal(0, rounds);
    }

    [Fact]
    public async Task StartNextRound_MeanLoadInCoverageBelowMaximum_StartsTheRound()
    {
        await _host.KeepOnlyAsync(TestData.Terminal(load: 0.8), TestData.Terminal(load: 0.6));
        var job = await LaunchAsync(new TerminationPolicy { MaxMeanLoad = 0.75 });

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        var (stored, rounds) = await StoredAsync(job);
        Assert.Equal(JobStatus.Running, stored.Status);
        Assert.Equal(1, rounds);
    }
}
