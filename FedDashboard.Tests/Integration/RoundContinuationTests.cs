using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>What follows the last outcomes of a round, with Hangfire's workers off so that what is enqueued stays to be counted.</summary>
public sealed class RoundContinuationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20, clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private int AggregationsQueued(int roundId) => _host.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
        .Count(j => j.Value.Job.Type == typeof(AggregateRoundJob) && (int)j.Value.Job.Args[0] == roundId);

    /// <summary>Every participant of the round declines, committed without what follows it: as when the last outcomes commit at once.</summary>
    private async Task<Round> RoundWithEveryOutcomeCommittedAsync()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("continuation", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        await using var db = _host.Db();
        foreach (var participant in await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync())
            participant.Decline("busy", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return round;
    }

    [Fact]
    public async Task AfterOutcomeAsync_TwoLastOutcomesRace_EnqueuesTheAggregationOnce()
    {
        var round = await RoundWithEveryOutcomeCommittedAsync();
        var continuation = _host.Get<RoundContinuation>();

        await Task.WhenAll(Task.Run(() => continuation.AfterOutcomeAsync(round.Id, default)), Task.Run(() => continuation.AfterOutcomeAsync(round.Id, default)));

        Assert.Equal(1, AggregationsQueued(round.Id));
        await using var db = _host.Db();
        Assert.Equal(RoundPhase.Aggregating, (await db.Rounds.SingleAsync(r => r.Id == round.Id)).Phase);
    }

    [Fact]
    public async Task AfterOutcomeAsync_SomeoneStillTraining_EnqueuesNothing()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("continuation", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);

        await _host.Get<RoundContinuation>().AfterOutcomeAsync(round.Id, default);

        Assert.Equal(0, AggregationsQueued(round.Id));
    }

    [Fact]
    public async Task AfterOutcomeAsync_SomeoneStillTrainingPastTheDeadline_EnqueuesTheAggregation()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("continuation", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        _clock.SetUtcNow(round.Deadline + TimeSpan.FromSeconds(1));

        await _host.Get<RoundContinuation>().AfterOutcomeAsync(round.Id, default);

        Assert.Equal(1, AggregationsQueued(round.Id));
    }
}
