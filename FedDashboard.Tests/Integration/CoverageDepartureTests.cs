using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Leaving coverage mid-training for real: two terminals train, paced like slow devices (6 s for a 600-sample shard) so that the fleet tick lands
/// mid-training even on a loaded machine, and one of them is moved into another edge's coverage before the tick.
/// </summary>
public sealed class CoverageDepartureTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 100, settings: TestData.CrawlingFleet(samplesPerSecond: 100));
        // Load spikes from the ticks must not swap models here; swaps have their own tests.
        await FleetPlacement.SetPolicyAsync(_host, p => p with { AllowSwaps = false });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <returns>The round after both participants ended, and the one that moved.</returns>
    private async Task<(Round Round, RoundParticipant Mover)> TrainWhileOneMovesAsync(DepartureRule rule)
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { OnDeparture = rule });
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.02));
        var round = await _host.StartRoundByHandAsync(job.Id);
        var mover = round.Participants[0];
        var trainings = round.Participants.Select(p => Task.Run(() => _host.Get<SimulatedTerminal>().TrainAsync(p.Id))).ToList();
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = _host.Db();
            return await db.RoundParticipants.SingleOrDefaultAsync(p => p.Id == mover.Id && p.Status == ParticipantStatus.Training);
        }, TimeSpan.FromSeconds(30), "the mover to start training");

        await FleetPlacement.PlaceInOtherEdgeAsync(_host, mover.TerminalId);
        await _host.Get<FleetEngine>().TickAsync(TestData.Now, CancellationToken.None);
        await _host.Get<TerminalLiveness>().FlushAsync(CancellationToken.None);
        await Task.WhenAll(trainings);
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        return (round, mover);
    }

    [Fact]
    public async Task ApplyAsync_OneParticipantChangedByItsTrainingMeanwhile_TheOthersDepartAndItIsLeftForTheNextTick()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.05));
        var round = await _host.StartRoundByHandAsync(job.Id);
        await using var db = _host.Db();
        var open = await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == round.Id && p.Status == ParticipantStatus.Assigned).OrderBy(p => p.Id).ToListAsync();
        Assert.True(open.Count >= 3, $"the round should assign at least three terminals (assigned {open.Count})");
        var overtaken = open[1];
        await using (var training = _host.Db())
        {
            var participant = await training.RoundParticipants.SingleAsync(p => p.Id == overtaken.Id);
            participant.Start(TestData.Now);
            await training.SaveChangesAsync();
        }

        await _host.Get<CoverageDepartures>().ApplyAsync(db, open, open.ToDictionary(p => p.TerminalId, _ => (int?)null), TestData.Now, CancellationToken.None);

        await using var check = _host.Db();
        var stored = await check.RoundParticipants.Where(p => p.RoundId == round.Id).ToDictionaryAsync(p => p.Id, p => p.Status);
        Assert.Equal(ParticipantStatus.Training, stored[overtaken.Id]);
        Assert.All(open.Where(p => p.Id != overtaken.Id), p => Assert.Equal(ParticipantStatus.Departed, stored[p.Id]));
    }

    [Fact]
    public async Task TickAsync_LeavesCoverageMidTrainingUnderDiscard_DepartsAndRoundAggregatesWithoutIt()
    {
        var (round, mover) = await TrainWhileOneMovesAsync(DepartureRule.Discard);

        await using var db = _host.Db();
        var stored = await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync();
        var departed = stored.Single(p => p.Id == mover.Id);
        var other = stored.Single(p => p.Id != mover.Id);
        Assert.Equal(ParticipantStatus.Departed, departed.Status);
        Assert.Contains("Left", departed.FailureReason);
        Assert.Null(departed.Result.UpdateHash);
        Assert.Equal(ParticipantStatus.Reported, other.Status);
        var aggregates = await db.EdgeAggregates.Where(a => a.RoundId == round.Id).ToListAsync();
        Assert.Equal((1, other.Result.Samples), (aggregates.Sum(a => a.Contributors), aggregates.Sum(a => a.Samples)));
        Assert.Equal(RoundPhase.Completed, (await db.Rounds.SingleAsync(r => r.Id == round.Id)).Phase);
    }

    [Fact]
    public async Task TickAsync_LeavesCoverageMidTrainingUnderFinishThroughNewEdge_ReportsThroughItAndIsAggregated()
    {
        var (round, mover) = await TrainWhileOneMovesAsync(DepartureRule.FinishThroughNewEdge);

        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == mover.Id);
        var terminal = await db.Terminals.SingleAsync(t => t.Id == mover.TerminalId);
        Assert.Equal(ParticipantStatus.Reported, stored.Status);
        Assert.NotNull(stored.ReportedThroughEdgeId);
        Assert.Equal(terminal.EdgeId, stored.ReportedThroughEdgeId);
        var aggregates = await db.EdgeAggregates.Where(a => a.RoundId == round.Id).ToListAsync();
        Assert.Equal(2, aggregates.Sum(a => a.Contributors));
        Assert.Contains(aggregates, a => a.EdgeId == stored.EdgeId);
    }
}
