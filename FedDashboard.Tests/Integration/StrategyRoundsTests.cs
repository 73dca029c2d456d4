using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Each added strategy runs a job's rounds for real (TorchSharp training by the simulated terminals of two edges,
/// PostgreSQL, the product's aggregation), two rounds per job; the server optimizers' state is checked against the
/// versions it produced.
/// </summary>
public sealed class StrategyRoundsTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 6);
        await _host.KeepOnlyAsync([.. Enumerable.Range(0, 6).Select(i => TestData.Terminal(edge: i % 2, samples: 600))]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(AggregationRule.FedAvgM)]
    [InlineData(AggregationRule.FedAdam)]
    [InlineData(AggregationRule.FedProx)]
    [InlineData(AggregationRule.Krum)]
    public async Task TwoRounds_EachStrategy_TwoVersionsThatLearn(AggregationRule rule)
    {
        var versions = await RunAsync(new AggregationPolicy { Rule = rule, KrumByzantine = 1 });

        Assert.Equal([0, 1, 2], versions.Select(v => v.Number));
        Assert.All(versions.Skip(1), v => Assert.True(v.TestAccuracy > 0.2, $"{v.Label} reached only {v.TestAccuracy:P1} with {rule}"));
        var keepsState = rule is AggregationRule.FedAvgM or AggregationRule.FedAdam;
        Assert.All(versions.Skip(1), v => Assert.Equal(keepsState, v.ServerStateHash is not null));
    }

    [Fact]
    public async Task TwoRounds_FedAvgM_EachVersionsVelocityIsItsStepAndTheParentsVelocityDecayed()
    {
        // x_k = x_{k−1} + η·v_k, so v_k = (x_k − x_{k−1}) ∕ η; and v_k = β·v_{k−1} + Δ_k holds whatever Δ_k was, so the
        // state kept with each version must be exactly its own step: a step taken twice, or a state lost, breaks this.
        const double rate = 0.5;
        var versions = await RunAsync(new AggregationPolicy { Rule = AggregationRule.FedAvgM, ServerLearningRate = rate, ServerMomentum = 0.9 });
        var blobs = _host.Get<ModelBlobStore>();
        var models = versions.Select(v => blobs.Get(v.ModelHash)).ToArray();

        for (var k = 1; k <= 2; k++)
        {
            var velocity = blobs.Get(versions[k].ServerStateHash!);
            foreach (var array in models[k].Arrays)
            {
                var (now, before, kept) = (array.Values, models[k - 1][array.Name].Values, velocity[$"velocity:{array.Name}"].Values);
                for (var i = 0; i < now.Length; i += 97) Assert.Equal((now[i] - before[i]) / rate, kept[i], 1e-3);
            }
        }
    }

    private async Task<IReadOnlyList<ModelVersion>> RunAsync(AggregationPolicy aggregation)
    {
        var policy = TestData.Policy(maxRounds: 2) with { Aggregation = aggregation };
        var job = await _host.Get<JobLauncher>().LaunchAsync("strategy", TestData.Settings(clientFraction: 1), policy);
        await _host.RunRoundByHandAsync(job.Id);
        await _host.RunRoundByHandAsync(job.Id);
        await using var db = _host.Db();
        return await db.ModelVersions.AsNoTracking().Where(v => v.JobId == job.Id).OrderBy(v => v.Number).ToListAsync();
    }
}
