using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>Operators pause, resume and abort a job <see cref="TestData.Operator"/> started; the round's steps by hand.</summary>
public sealed class JobControlsTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private TrainingJob _job = null!;

    private JobControls Controls => _host.Get<JobControls>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        _job = await _host.Get<JobLauncher>().LaunchAsync("controls", TestData.Settings(), TestData.Policy(maxRounds: 5));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<TrainingJob> StoredJobAsync()
    {
        await using var db = _host.Db();
        return await db.TrainingJobs.SingleAsync(j => j.Id == _job.Id);
    }

    private async Task<int> RoundCountAsync()
    {
        await using var db = _host.Db();
        return await db.Rounds.CountAsync(r => r.JobId == _job.Id);
    }

    private async Task<List<AuditEntry>> JobAuditAsync(AuditOutcome outcome) =>
        [.. (await _host.AuditAsync(outcome)).Where(e => e.Action is AuditAction.JobPaused or AuditAction.JobResumed or AuditAction.JobAborted)];

    /// <summary>The job's round starts waiting in Hangfire's storage; no worker runs them here.</summary>
    private int WaitingRoundStarts() =>
        _host.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            .Count(j => j.Value.Job?.Type == typeof(StartRoundJob) && Equals(j.Value.Job.Args[0], _job.Id));

    [Fact]
    public async Task PauseAsync_RunningJob_NoNewRoundStartsAndThePauseIsAudited()
    {
        await _host.RunRoundByHandAsync(_job.Id);

        await Controls.PauseAsync(_job.Id, TestData.Operator);
        await _host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);

        Assert.Equal(JobStatus.Paused, (await StoredJobAsync()).Status);
        Assert.Equal(1, await RoundCountAsync());
        var entry = Assert.Single(await JobAuditAsync(AuditOutcome.Done));
        Assert.Equal(("olivia", AuditAction.JobPaused, AuditSubject.Job, _job.Id.ToString()), (entry.Actor, entry.Action, entry.Subject, entry.SubjectId));
        Assert.Equal(new JobState(JobStatus.Running, null, null), AuditReading.State<JobState>(entry.Before));
        Assert.Equal(new JobState(JobStatus.Paused, null, null), AuditReading.State<JobState>(entry.After));
    }

    [Fact]
    public async Task PauseAsync_RoundCollecting_TheRoundStillFinishes()
    {
        var round = await _host.StartRoundByHandAsync(_job.Id);

        await Controls.PauseAsync(_job.Id, TestData.Operator);
        await _host.TrainAllAsync(round);
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        await _host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);

        await using var db = _host.Db();
        var stored = await db.Rounds.SingleAsync(r => r.Id == round.Id);
        Assert.Equal(RoundPhase.Completed, stored.Phase);
        Assert.NotNull(stored.ModelVersionId);
        Assert.Equal(1, await RoundCountAsync());
    }

    [Fact]
    public async Task ResumeAsync_PausedJob_SchedulesTheNextRoundWhichStarts()
    {
        await _host.RunRoundByHandAsync(_job.Id);
        await Controls.PauseAsync(_job.Id, TestData.Operator);
        var waiting = WaitingRoundStarts();

        await Controls.ResumeAsync(_job.Id, TestData.Operator);
        await _host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);

        Assert.Equal(waiting + 1, WaitingRoundStarts());
        Assert.Equal(JobStatus.Running, (await StoredJobAsync()).Status);
        Assert.Equal(2, await RoundCountAsync());
        Assert.Equal([AuditAction.JobPaused, AuditAction.JobResumed], (await JobAuditAsync(AuditOutcome.Done)).Select(e => e.Action));
    }

    [Fact]
    public async Task PauseAsync_PausedJob_RefusedAndChangesNothing()
    {
        await Controls.PauseAsync(_job.Id, TestData.Operator);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Controls.PauseAsync(_job.Id, TestData.Operator));

        Assert.Equal($"Only a running job can be paused; job {_job.Id} is Paused.", error.Message);
        Assert.Single(await JobAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task ResumeAsync_RunningJob_RefusedAndChangesNothing()
    {
        var error = await Assert.ThrowsAsync<ConflictException>(() => Controls.ResumeAsync(_job.Id, TestData.Operator));

        Assert.Equal($"Only a paused job can be resumed; job {_job.Id} is Running.", error.Message);
        Assert.Equal(JobStatus.Running, (await StoredJobAsync()).Status);
        Assert.Empty(await JobAuditAsync(AuditOutcome.Done));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Approver)]
    public async Task PauseAsync_WithoutOperatorRole_RefusedAuditedAndKeepsRunning(string role)
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Controls.PauseAsync(_job.Id, Actor.User("sam", role)));

        Assert.Equal("sam may not pause job \"controls\" without the operator role.", error.Message);
        Assert.Equal(JobStatus.Running, (await StoredJobAsync()).Status);
        Assert.Empty(await JobAuditAsync(AuditOutcome.Done));
        var refusal = Assert.Single(await JobAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("sam", AuditAction.JobPaused, error.Message), (refusal.Actor, refusal.Action, refusal.Detail));
    }

    [Fact]
    public async Task AbortAsync_RoundCollecting_EndsJobRoundAndOpenParticipations()
    {
        var round = await _host.StartRoundByHandAsync(_job.Id);
        await _host.Get<SimulatedTerminal>().TrainAsync(round.Participants[0].Id);

        await Controls.AbortAsync(_job.Id, TestData.Operator);
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        await _host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);

        var job = await StoredJobAsync();
        Assert.Equal((JobStatus.Aborted, JobEndCondition.Aborted, "Aborted by olivia."), (job.Status, job.EndCondition, job.EndReason));
        await using var db = _host.Db();
        var stored = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == round.Id);
        Assert.Equal((RoundPhase.Completed, RoundEndReason.JobAborted, (int?)null), (stored.Phase, stored.EndReason, stored.ModelVersionId));
        Assert.Equal(ParticipantStatus.Reported, stored.Participants.Single(p => p.Id == round.Participants[0].Id).Status);
        Assert.All(stored.Participants.Where(p => p.Id != round.Participants[0].Id), p => Assert.Equal((ParticipantStatus.Cancelled, "Aborted by olivia."), (p.Status, p.FailureReason)));
        Assert.False(await db.EdgeAggregates.AnyAsync(a => a.RoundId == round.Id));
        Assert.Equal(1, await RoundCountAsync());
        var entry = Assert.Single(await JobAuditAsync(AuditOutcome.Done));
        Assert.Equal(new JobState(JobStatus.Aborted, JobEndCondition.Aborted, "Aborted by olivia."), AuditReading.State<JobState>(entry.After));
    }

    [Fact]
    public async Task AbortAsync_PausedJob_Aborts()
    {
        await Controls.PauseAsync(_job.Id, TestData.Operator);

        await Controls.AbortAsync(_job.Id, TestData.Operator);

        Assert.Equal(JobStatus.Aborted, (await StoredJobAsync()).Status);
    }

    [Fact]
    public async Task AbortAsync_AbortedJob_RefusedAndChangesNothing()
    {
        await Controls.AbortAsync(_job.Id, TestData.Operator);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Controls.AbortAsync(_job.Id, Actor.User("otto", Roles.Operator)));

        Assert.Equal($"Job {_job.Id} has already ended (Aborted).", error.Message);
        Assert.Equal("Aborted by olivia.", (await StoredJobAsync()).EndReason);
        Assert.Single(await JobAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task AbortAsync_WithoutOperatorRole_RefusedAuditedAndKeepsRunning()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Controls.AbortAsync(_job.Id, TestData.Approver));

        Assert.Equal(JobStatus.Running, (await StoredJobAsync()).Status);
        Assert.Equal(AuditAction.JobAborted, Assert.Single(await JobAuditAsync(AuditOutcome.Refused)).Action);
    }
}
