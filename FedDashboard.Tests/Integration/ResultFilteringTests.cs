using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Result filtering for real: terminals on one edge train on MNIST through the real round, one of them uploads a bad result through
/// the edge's intake, and the real aggregator evaluates and filters before it averages.
/// </summary>
public sealed class ResultFilteringTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// Starts a round on edge 0 under the evaluation policy with this many terminals; all but the last train for real,
    /// the last uploads what <paramref name="bad"/> makes of the edge's start model and the first honest result.
    /// Then the round is aggregated. Returns the round and the bad participant's id.
    /// </summary>
    private async Task<(Round Round, int BadId)> RunRoundAsync(EvaluationPolicy evaluation, int terminals, Func<ParameterSet, ParameterSet, ParameterSet> bad)
    {
        await _host.SetPolicyAsync(0, EdgePolicy.Default with { Evaluation = evaluation });
        await _host.KeepOnlyAsync([.. Enumerable.Range(0, terminals).Select(_ => TestData.Terminal())]);
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        Assert.Equal(terminals, round.Participants.Count);
        var honest = round.Participants.SkipLast(1).ToList();
        foreach (var participant in honest) await _host.Get<SimulatedTerminal>().TrainAsync(participant.Id);

        var badOne = round.Participants[^1];
        var blobs = _host.Get<ModelBlobStore>();
        await using (var db = _host.Db())
        {
            var first = await db.RoundParticipants.SingleAsync(p => p.Id == honest[0].Id);
            var outcome = await _host.Get<UpdateReceiver>().SubmitAsync(new TerminalUpdate(
                badOne.Id, badOne.TerminalId, bad(blobs.Get(badOne.Assignment.BaseModelHash), blobs.Get(first.Result.UpdateHash!)), first.Result.Samples, 0.3, 0.9, 1000));
            Assert.True(outcome.Accepted, outcome.Message);
        }
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        await _host.Get<RoundRewarding>().RewardAsync(round.Id);
        return (round, badOne.Id);
    }

    private static ParameterSet Zeros(ParameterSet start, ParameterSet _) =>
        new(start.Arrays.Select(a => a with { Values = new float[a.Values.Length] }));

    private static ParameterSet TenTimesTheUpdate(ParameterSet start, ParameterSet result) =>
        new(start.Arrays.Select((a, i) => a with { Values = [.. a.Values.Select((v, j) => v + 10 * (result.Arrays[i].Values[j] - v))] }));

    [Fact]
    public async Task AggregateAsync_ResultBelowTheValidationMinimum_FilteredWithReasonAndAccuracyNeitherAggregatedNorRewarded()
    {
        var (round, badId) = await RunRoundAsync(new EvaluationPolicy { MinValidationAccuracy = 0.5 }, terminals: 3, Zeros);

        await using var db = _host.Db();
        var participants = await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync();
        var bad = participants.Single(p => p.Id == badId);
        var accepted = participants.Where(p => p.Id != badId).ToList();
        Assert.Equal(ParticipantStatus.Filtered, bad.Status);
        Assert.StartsWith("Validation accuracy", bad.FilterReason);
        Assert.Contains("below the edge's minimum", bad.FilterReason);
        Assert.InRange(bad.Result.ValidationAccuracy!.Value, 0, 0.5);
        Assert.All(accepted, p => Assert.Equal(ParticipantStatus.Reported, p.Status));
        Assert.All(accepted, p => Assert.InRange(p.Result.ValidationAccuracy!.Value, 0.5, 1));

        var aggregate = await db.EdgeAggregates.SingleAsync(a => a.RoundId == round.Id);
        Assert.Equal((2, accepted.Sum(p => p.Result.Samples)), (aggregate.Contributors, aggregate.Samples));
        AssertIsTheMeanOf(aggregate, accepted);
        var rewarded = await db.RewardEntries.Where(r => r.RoundId == round.Id).Select(r => r.TerminalId).ToListAsync();
        Assert.Equal(accepted.Select(p => p.TerminalId).Order(), rewarded.Order());
    }

    [Fact]
    public async Task AggregateAsync_ResultStoredWithoutItsValidationAccuracy_TheEdgeMeasuresAndJudgesIt()
    {
        await _host.SetPolicyAsync(0, EdgePolicy.Default with { Evaluation = new EvaluationPolicy { MinValidationAccuracy = 0.5 } });
        await _host.KeepOnlyAsync(TestData.Terminal(), TestData.Terminal());
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        var blobs = _host.Get<ModelBlobStore>();
        var start = blobs.Get(round.Participants[0].Assignment.BaseModelHash);
        // As a result stored before results were measured on arrival: through the domain, with no accuracy.
        await using (var db = _host.Db())
        {
            foreach (var participant in await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync())
                participant.Report(blobs.Put(start), 100, trainLoss: 2.3, trainAccuracy: 0.1, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        var expected = ModelEvaluator.Evaluate(new ModelSpec(ModelArchitecture.Mlp2NN), start, _host.Get<FederatedData>().Validation).Accuracy;
        await using var check = _host.Db();
        var judged = await check.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync();
        Assert.Equal(2, judged.Count);
        Assert.All(judged, p => Assert.Equal((ParticipantStatus.Filtered, expected), (p.Status, p.Result.ValidationAccuracy)));
    }

    [Fact]
    public async Task AggregateAsync_UpdateTenTimesTheOthers_FilteredByTheNormRatioOthersAccepted()
    {
        var (round, badId) = await RunRoundAsync(new EvaluationPolicy { MaxNormRatio = 3 }, terminals: 4, TenTimesTheUpdate);

        await using var db = _host.Db();
        var participants = await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync();
        var bad = participants.Single(p => p.Id == badId);
        Assert.Equal(ParticipantStatus.Filtered, bad.Status);
        Assert.StartsWith("Update norm", bad.FilterReason);
        Assert.EndsWith("the round's median (max 3×)", bad.FilterReason);
        Assert.All(participants.Where(p => p.Id != badId), p => Assert.Equal(ParticipantStatus.Reported, p.Status));
        Assert.Equal(3, (await db.EdgeAggregates.SingleAsync(a => a.RoundId == round.Id)).Contributors);
    }

    /// <summary>The accepted results trained on equal shards, so their FedAvg is their plain mean.</summary>
    private void AssertIsTheMeanOf(EdgeAggregate aggregate, IReadOnlyList<RoundParticipant> accepted)
    {
        var blobs = _host.Get<ModelBlobStore>();
        var model = blobs.Get(aggregate.ModelHash);
        var results = accepted.Select(p => blobs.Get(p.Result.UpdateHash!)).ToList();
        Assert.All(accepted, p => Assert.Equal(accepted[0].Result.Samples, p.Result.Samples));
        for (var a = 0; a < model.Arrays.Count; a++)
        {
            var values = model.Arrays[a].Values;
            for (var j = 0; j < values.Length; j++)
            {
                var mean = results.Average(r => r.Arrays[a].Values[j]);
                Assert.True(Math.Abs(values[j] - mean) < 1e-5, $"{model.Arrays[a].Name}[{j}] is {values[j]}, the accepted results' mean {mean}.");
            }
        }
    }
}
