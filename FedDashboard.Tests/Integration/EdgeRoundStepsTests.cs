using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// A round whose edges are served by nodes of their own: the central steps hand each edge its steps (selection,
/// aggregation) as jobs on the edge's queue and wait. No worker runs; the test runs the edges' steps and the central step
/// by hand, each twice at once.
/// </summary>
public sealed class EdgeRoundStepsTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        var queues = await EdgeQueuesAsync();
        _host.Get<ServedQueues>().Update(queues);
    }

    private async Task<List<string>> EdgeQueuesAsync()
    {
        await using var db = _host.Db();
        return [.. (await db.EdgeServers.Select(e => e.Id).ToListAsync()).Select(EdgeQueue.Of)];
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Round> TrainedRoundAsync()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("edges", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        foreach (var edgeId in await EdgesToSelectAsync(round.Id)) await _host.Get<EdgeRoundSelector>().SelectAsync(round.Id, edgeId);
        round = await RoundAsync(round.Id);
        await _host.TrainAllAsync(round);
        return round;
    }

    private async Task<List<int>> EdgesToSelectAsync(int roundId)
    {
        await using var db = _host.Db();
        return await db.RoundEdges.Where(e => e.RoundId == roundId && e.SelectedAt == null).OrderBy(e => e.EdgeId).Select(e => e.EdgeId).ToListAsync();
    }

    private async Task<Round> RoundAsync(int roundId)
    {
        await using var db = _host.Db();
        return await db.Rounds.Include(r => r.Participants).Include(r => r.Edges).SingleAsync(r => r.Id == roundId);
    }

    [Fact]
    public async Task StartNextRoundAsync_EdgesServedByNodes_EnqueuesEachEdgesSelectionOnItsQueueAndWaits()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("edges", TestData.Settings());

        var round = await _host.StartRoundByHandAsync(job.Id);

        var monitoring = _host.Get<JobStorage>().GetMonitoringApi();
        var selecting = await EdgesToSelectAsync(round.Id);
        Assert.NotEmpty(selecting);
        Assert.All(selecting, edgeId => Assert.Single(monitoring.EnqueuedJobs(EdgeQueue.Of(edgeId), 0, 100),
            j => j.Value.Job.Type == typeof(SelectEdgeJob) && (int)j.Value.Job.Args[1] == edgeId));
        var stored = await RoundAsync(round.Id);
        Assert.Empty(stored.Participants);
        Assert.Equal(RoundPhase.Collecting, stored.Phase);
        // Not "all reported" while edges have still to select.
        Assert.Null(stored.EndReasonAt(stored.StartedAt));
        Assert.All(stored.Edges.Where(e => e.Share == 0), e => Assert.True(e.IsSelected));
    }

    [Fact]
    public async Task StartNextRoundAsync_NoEdgeNode_EveryEdgeSelectsInTheStartItself()
    {
        _host.Get<ServedQueues>().Update([]);
        var job = await _host.Get<JobLauncher>().LaunchAsync("edges", TestData.Settings());

        var round = await _host.StartRoundByHandAsync(job.Id);

        var monitoring = _host.Get<JobStorage>().GetMonitoringApi();
        var stored = await RoundAsync(round.Id);
        Assert.All(stored.Edges, e => Assert.True(e.IsSelected));
        Assert.Equal(stored.Edges.Sum(e => e.Share), stored.Participants.Count(p => p.Status == ParticipantStatus.Assigned));
        Assert.All(stored.Edges, e => Assert.DoesNotContain(monitoring.EnqueuedJobs(EdgeQueue.Of(e.EdgeId), 0, 100), j => j.Value.Job.Type == typeof(SelectEdgeJob)));
    }

    [Fact]
    public async Task SelectAsync_EachEdgeTwiceAtOnce_EachEdgeAssignsItsShareOfItsOwnTerminalsOnce()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("edges", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        var selector = _host.Get<EdgeRoundSelector>();
        var selecting = await EdgesToSelectAsync(round.Id);

        await Task.WhenAll(selecting.SelectMany(edgeId => new[]
        {
            Task.Run(() => selector.SelectAsync(round.Id, edgeId)),
            Task.Run(() => selector.SelectAsync(round.Id, edgeId)),
        }));

        var stored = await RoundAsync(round.Id);
        await using var db = _host.Db();
        var edgeOf = await db.Terminals.ToDictionaryAsync(t => t.Id, t => t.EdgeId);
        Assert.All(stored.Edges, e => Assert.True(e.IsSelected));
        Assert.Equal(stored.Participants.Count, stored.Participants.Select(p => p.TerminalId).Distinct().Count());
        Assert.All(stored.Participants, p => Assert.Equal(p.EdgeId, edgeOf[p.TerminalId]));
        Assert.All(stored.Edges, e => Assert.InRange(stored.Participants.Count(p => p.EdgeId == e.EdgeId && p.Status == ParticipantStatus.Assigned), 0, e.Share));
        Assert.True(stored.Participants.Count(p => p.Status == ParticipantStatus.Assigned) > 0);
    }

    private static List<int> EdgesOf(Round round) => [.. round.Participants.Select(p => p.EdgeId).Distinct().Order()];

    [Fact]
    public async Task AggregateAsync_EdgesServedByNodes_EnqueuesEachEdgeStepOnItsQueueAndWaits()
    {
        var round = await TrainedRoundAsync();

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        var monitoring = _host.Get<JobStorage>().GetMonitoringApi();
        Assert.All(EdgesOf(round), edgeId => Assert.Single(monitoring.EnqueuedJobs(EdgeQueue.Of(edgeId), 0, 100),
            j => j.Value.Job.Type == typeof(AggregateEdgeJob) && (int)j.Value.Job.Args[1] == edgeId));
        await using var db = _host.Db();
        Assert.Equal(RoundPhase.Aggregating, (await db.Rounds.SingleAsync(r => r.Id == round.Id)).Phase);
        Assert.Equal(0, await db.EdgeAggregates.CountAsync(a => a.RoundId == round.Id));
    }

    [Fact]
    public async Task CombineAsync_OneEdgeStillToCome_LeavesTheRoundAggregating()
    {
        var round = await TrainedRoundAsync();
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        var edges = EdgesOf(round);
        foreach (var edgeId in edges.Skip(1)) await _host.Get<EdgeRoundAggregator>().RunAsync(round.Id, edgeId, CancellationToken.None);

        await _host.Get<RoundAggregator>().CombineAsync(round.Id);

        await using var db = _host.Db();
        Assert.Equal(RoundPhase.Aggregating, (await db.Rounds.SingleAsync(r => r.Id == round.Id)).Phase);
        Assert.Equal(edges.Count - 1, await db.EdgeAggregates.CountAsync(a => a.RoundId == round.Id));
        Assert.False(await db.ModelVersions.AnyAsync(v => v.RoundId == round.Id));
    }

    [Fact]
    public async Task EdgeAndCentralSteps_EachRunTwiceAtOnce_OneAggregatePerEdgeOneVersionOneLedgerLinePerResult()
    {
        var round = await TrainedRoundAsync();
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        var edges = EdgesOf(round);
        var edgeStep = _host.Get<EdgeRoundAggregator>();
        var central = _host.Get<RoundAggregator>();

        await Task.WhenAll(edges.SelectMany(edgeId => new[]
        {
            Task.Run(() => edgeStep.RunAsync(round.Id, edgeId, CancellationToken.None)),
            Task.Run(() => edgeStep.RunAsync(round.Id, edgeId, CancellationToken.None)),
        }));
        await Task.WhenAll(Task.Run(() => central.CombineAsync(round.Id)), Task.Run(() => central.CombineAsync(round.Id)));
        await Task.WhenAll(Task.Run(() => edgeStep.RunAsync(round.Id, edges[0], CancellationToken.None)), Task.Run(() => central.AggregateAsync(round.Id)));
        await _host.Get<RoundRewarding>().RewardAsync(round.Id);
        await _host.Get<RoundRewarding>().RewardAsync(round.Id);

        await using var db = _host.Db();
        var stored = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == round.Id);
        Assert.Equal(RoundPhase.Completed, stored.Phase);
        Assert.Equal(edges, await db.EdgeAggregates.Where(a => a.RoundId == round.Id).Select(a => a.EdgeId).OrderBy(id => id).ToListAsync());
        var version = await db.ModelVersions.SingleAsync(v => v.RoundId == round.Id);
        Assert.Equal(version.Id, stored.ModelVersionId);
        var ledger = await db.RewardEntries.Where(e => e.RoundId == round.Id).Select(e => e.TerminalId).ToListAsync();
        Assert.Equal(stored.Participants.Count(p => p.Status == ParticipantStatus.Reported), ledger.Count);
        Assert.Equal(ledger.Count, ledger.Distinct().Count());
    }
}
