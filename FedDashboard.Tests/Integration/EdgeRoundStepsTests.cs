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
/// A round whose edges are served by nodes of their own: the central step hands each edge its step as a job on the edge's
/// queue and waits. No worker runs; the test runs the edges' steps and the central step by hand, each twice at once.
/// </summary>
public sealed class EdgeRoundStepsTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        await using var db = _host.Db();
        _host.Get<ServedQueues>().Update((await db.EdgeServers.Select(e => e.Id).ToListAsync()).Select(EdgeQueue.Of));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Round> TrainedRoundAsync()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("edges", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        await _host.TrainAllAsync(round);
        return round;
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
