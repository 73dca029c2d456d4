using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// SCAFFOLD's rounds for real (TorchSharp training by the simulated terminals of two edges through the terminal
/// protocol, PostgreSQL, the product's aggregation): the server's c kept with each version and each terminal's c_i.
/// Every terminal trains in every round and all hold 600 samples, so after the first round each c_i is its Δc_i and c is
/// their plain mean (|S| = N).
/// </summary>
public sealed class ScaffoldRoundsTests : IAsyncLifetime
{
    private const int Terminals = 6;
    private FedTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: Terminals);
        await _host.KeepOnlyAsync([.. Enumerable.Range(0, Terminals).Select(i => TestData.Terminal(edge: i % 2, samples: 600))]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<int> LaunchAsync()
    {
        var policy = TestData.Policy(maxRounds: 2) with { Aggregation = new AggregationPolicy { Rule = AggregationRule.Scaffold } };
        return (await _host.Get<JobLauncher>().LaunchAsync("scaffold", TestData.Settings(clientFraction: 1), policy)).Id;
    }

    [Fact]
    public async Task TwoRounds_Scaffold_VersionsLearnAndCAndEveryCiAreStoredAndMove()
    {
        var jobId = await LaunchAsync();
        var first = await _host.RunRoundByHandAsync(jobId);
        var afterFirst = await ControlsAsync(jobId);
        var second = await _host.RunRoundByHandAsync(jobId);
        var afterSecond = await ControlsAsync(jobId);

        await using var db = _host.Db();
        var versions = await db.ModelVersions.AsNoTracking().Where(v => v.JobId == jobId).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([0, 1, 2], versions.Select(v => v.Number));
        Assert.All(versions.Skip(1), v => Assert.True(v.TestAccuracy > 0.2, $"{v.Label} reached only {v.TestAccuracy:P1}"));
        Assert.NotEqual(versions[1].ServerStateHash, versions[2].ServerStateHash);
        Assert.True(Norm(_host.Get<ModelBlobStore>().Get(versions[1].ServerStateHash!)) > 0);
        Assert.Equal(Terminals, afterFirst.Count);
        Assert.All(afterFirst, c => Assert.Equal(first.Id, c.RoundId));
        Assert.All(afterSecond, c => Assert.Equal(second.Id, c.RoundId));
        Assert.All(afterSecond, c => Assert.NotEqual(afterFirst.Single(f => f.TerminalId == c.TerminalId).ControlHash, c.ControlHash));
    }

    [Fact]
    public async Task Aggregation_EdgeAndCentralStepsRunTwiceAtOnce_EachCiMovedOnceAndOneCTheMeanOfThem()
    {
        var jobId = await LaunchAsync();
        var round = await _host.StartRoundByHandAsync(jobId);
        await _host.TrainAllAsync(round);
        var aggregator = _host.Get<RoundAggregator>();
        var edgeStep = _host.Get<EdgeRoundAggregator>();

        await Task.WhenAll(Task.Run(() => aggregator.AggregateAsync(round.Id)), Task.Run(() => aggregator.AggregateAsync(round.Id)));
        await aggregator.CombineAsync(round.Id);
        foreach (var edgeId in round.Participants.Select(p => p.EdgeId).Distinct()) await edgeStep.AggregateAsync(round.Id, edgeId, CancellationToken.None);

        await using var db = _host.Db();
        var version = await db.ModelVersions.AsNoTracking().SingleAsync(v => v.RoundId == round.Id);
        var deltas = await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == round.Id)
            .ToDictionaryAsync(p => p.TerminalId, p => p.Result.ControlDeltaHash);
        var controls = await ControlsAsync(jobId);
        // From zeros, c_i moved once is exactly Δc_i, the same blob; moved twice it would be 2·Δc_i.
        Assert.Equal(deltas.OrderBy(d => d.Key).Select(d => d.Value), controls.OrderBy(c => c.TerminalId).Select(c => c.ControlHash));
        var blobs = _host.Get<ModelBlobStore>();
        var c = blobs.Get(version.ServerStateHash!);
        var mean = Mean([.. deltas.Values.Select(hash => blobs.Get(hash!))]);
        foreach (var array in c.Arrays)
        {
            var expected = mean[array.Name].Values;
            for (var i = 0; i < array.Values.Length; i += 101) Assert.Equal(expected[i], array.Values[i], 1e-4f);
        }
    }

    private async Task<List<TerminalControl>> ControlsAsync(int jobId)
    {
        await using var db = _host.Db();
        return await db.TerminalControls.AsNoTracking().Where(c => c.JobId == jobId).ToListAsync();
    }

    private static ParameterSet Mean(IReadOnlyList<ParameterSet> sets) =>
        new(sets[0].Arrays.Select((array, a) => array with
        {
            Values = [.. Enumerable.Range(0, array.Values.Length).Select(i => (float)sets.Average(set => (double)set.Arrays[a].Values[i]))],
        }));

    private static double Norm(ParameterSet set) => Math.Sqrt(set.Arrays.Sum(array => array.Values.Sum(v => (double)v * v)));
}
