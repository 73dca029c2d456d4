using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The round's steps driven one by one (Hangfire stores the jobs but no worker runs them), so a step can run twice or
/// concurrently; the orchestrator's clock stands still unless a test moves it.
/// </summary>
public sealed class RoundLifecycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20, clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(TrainingJob Job, Round Round)> StartFirstRoundAsync(TrainingSettings? settings = null, JobPolicy? policy = null)
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", settings ?? TestData.Settings(), policy);
        return (job, await _host.StartRoundByHandAsync(job.Id));
    }

    private Task TrainAllAsync(Round round) => _host.TrainAllAsync(round);

    [Fact]
    public async Task StartNextRound_FreshJob_SelectsFractionOfFleetFromInitialModel()
    {
        var (job, round) = await StartFirstRoundAsync(TestData.Settings(clientFraction: 0.25));

        await using var db = _host.Db();
        var v0 = await db.ModelVersions.SingleAsync(v => v.JobId == job.Id);
        Assert.Equal(1, round.Number);
        Assert.Equal(RoundPhase.Collecting, round.Phase);
        Assert.Equal(5, round.Participants.Count);
        Assert.Equal(5, round.Participants.Select(p => p.TerminalId).Distinct().Count());
        Assert.All(round.Participants, p => Assert.Equal(v0.ModelHash, p.Assignment.BaseModelHash));
    }

    [Fact]
    public async Task StartNextRound_RunTwice_StartsOneRound()
    {
        var (job, _) = await StartFirstRoundAsync();

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        await using var db = _host.Db();
        Assert.Equal(1, await db.Rounds.CountAsync(r => r.JobId == job.Id));
    }

    [Fact]
    public async Task TrainAsync_SameParticipantTwiceAtOnce_ReportsOnce()
    {
        var (_, round) = await StartFirstRoundAsync();
        var participant = round.Participants[0];
        var trainer = _host.Get<SimulatedTerminal>();

        await Task.WhenAll(Task.Run(() => trainer.TrainAsync(participant.Id)), Task.Run(() => trainer.TrainAsync(participant.Id)));

        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == participant.Id);
        Assert.Equal(ParticipantStatus.Reported, stored.Status);
        Assert.Equal((60_000 - FederatedData.ValidationImages) / 20, stored.Result.Samples);
    }

    [Fact]
    public async Task AggregateAsync_RunTwiceAndConcurrently_OneVersionAndOneAggregatePerEdge()
    {
        var (job, round) = await StartFirstRoundAsync();
        await TrainAllAsync(round);
        var aggregator = _host.Get<RoundAggregator>();

        await Task.WhenAll(Task.Run(() => aggregator.AggregateAsync(round.Id)), Task.Run(() => aggregator.AggregateAsync(round.Id)));
        await aggregator.AggregateAsync(round.Id);

        await using var db = _host.Db();
        var stored = await db.Rounds.SingleAsync(r => r.Id == round.Id);
        var versions = await db.ModelVersions.Where(v => v.JobId == job.Id && v.RoundId != null).ToListAsync();
        Assert.Equal(RoundPhase.Completed, stored.Phase);
        Assert.Equal(RoundEndReason.AllReported, stored.EndReason);
        var version = Assert.Single(versions);
        Assert.Equal(version.Id, stored.ModelVersionId);
        Assert.Equal(1, version.Number);
        Assert.Equal(round.Participants.Select(p => p.EdgeId).Distinct().Count(), await db.EdgeAggregates.CountAsync(a => a.RoundId == round.Id));
    }

    [Fact]
    public async Task AggregateAsync_OneRoundOfTraining_NewVersionLearnedSomething()
    {
        var (job, round) = await StartFirstRoundAsync();
        await TrainAllAsync(round);

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        await using var db = _host.Db();
        var version = await db.ModelVersions.SingleAsync(v => v.JobId == job.Id && v.Number == 1);
        Assert.Equal(ModelVersionStatus.Approved, version.Status);
        Assert.InRange(version.TestAccuracy!.Value, 0.80, 1.0);
    }

    [Fact]
    public async Task AggregateAsync_BeforeDeadlineWithOpenParticipants_ChangesNothing()
    {
        var (_, round) = await StartFirstRoundAsync();
        await _host.Get<SimulatedTerminal>().TrainAsync(round.Participants[0].Id);

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        await using var db = _host.Db();
        Assert.Equal(RoundPhase.Collecting, (await db.Rounds.SingleAsync(r => r.Id == round.Id)).Phase);
    }

    [Fact]
    public async Task AggregateAsync_AfterDeadline_TimesOutLateTerminalsAndAggregatesTheRest()
    {
        var (job, round) = await StartFirstRoundAsync();
        await _host.Get<SimulatedTerminal>().TrainAsync(round.Participants[0].Id);
        await _host.Get<SimulatedTerminal>().TrainAsync(round.Participants[1].Id);
        _clock.SetUtcNow(round.Deadline + TimeSpan.FromSeconds(1));

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        await _host.Get<RoundRewarding>().RewardAsync(round.Id);

        await using var db = _host.Db();
        var stored = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == round.Id);
        Assert.Equal(RoundEndReason.DeadlineReached, stored.EndReason);
        Assert.Equal(2, stored.Participants.Count(p => p.Status == ParticipantStatus.Reported));
        Assert.Equal(3, stored.Participants.Count(p => p.Status == ParticipantStatus.TimedOut));
        Assert.Equal(2, await db.RewardEntries.CountAsync(e => e.JobId == job.Id));
    }

    [Fact]
    public async Task StartNextRound_KappaTwo_EdgesGoOnFromTheirOwnModelsAndCombineEverySecondRound()
    {
        var (job, round1) = await StartFirstRoundAsync(TestData.Settings(edgeRoundsPerCombination: 2));
        await TrainAllAsync(round1);
        await _host.Get<RoundAggregator>().AggregateAsync(round1.Id);
        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        await using var db = _host.Db();
        var round2 = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.JobId == job.Id && r.Number == 2);
        var edgeModels = await db.EdgeAggregates.Where(a => a.RoundId == round1.Id).ToDictionaryAsync(a => a.EdgeId, a => a.ModelHash);
        var v0 = await db.ModelVersions.SingleAsync(v => v.JobId == job.Id && v.Number == 0);
        Assert.Null((await db.Rounds.SingleAsync(r => r.Id == round1.Id)).ModelVersionId);
        Assert.All(round2.Participants, p => Assert.Equal(edgeModels.GetValueOrDefault(p.EdgeId, v0.ModelHash), p.Assignment.BaseModelHash));

        await TrainAllAsync(round2);
        await _host.Get<RoundAggregator>().AggregateAsync(round2.Id);
        Assert.Equal(1, await db.ModelVersions.CountAsync(v => v.JobId == job.Id && v.Number == 1 && v.RoundId == round2.Id));
    }

    [Fact]
    public async Task StartNextRound_MaxRoundsReached_CompletesJobWithReason()
    {
        var (job, round) = await StartFirstRoundAsync(policy: TestData.Policy(maxRounds: 1));
        await TrainAllAsync(round);
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        await using var db = _host.Db();
        var stored = await db.TrainingJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal((JobStatus.Completed, JobEndCondition.MaxRounds), (stored.Status, stored.EndCondition));
        Assert.Equal("Completed the maximum of 1 rounds.", stored.EndReason);
        Assert.Equal(1, await db.Rounds.CountAsync(r => r.JobId == job.Id));
    }
}
