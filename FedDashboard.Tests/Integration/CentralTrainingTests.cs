using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The central server trains on its own data in a round whose accepted results fall short of C·K: five of twenty
/// terminals asked, steps by hand, the orchestrator's clock moved past the deadline to end a round early.
/// </summary>
public sealed class CentralTrainingTests : IAsyncLifetime
{
    private const int OwnSamples = 600;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20, clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Round> FirstRoundAsync(int reporting)
    {
        var settings = TestData.Settings(clientFraction: 0.25) with { CentralDataSamples = OwnSamples };
        var job = await _host.Get<JobLauncher>().LaunchAsync("central", settings, TestData.Policy());
        var round = await _host.StartRoundByHandAsync(job.Id);
        foreach (var participant in round.Participants.Take(reporting)) await _host.Get<SimulatedTerminal>().TrainAsync(participant.Id);
        _clock.SetUtcNow(round.Deadline + TimeSpan.FromSeconds(1));
        return round;
    }

    [Fact]
    public async Task AggregateAsync_TwoOfFiveReport_CentralModelJoinsTheCombinationByItsSamples()
    {
        var round = await FirstRoundAsync(reporting: 2);

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        await using var db = _host.Db();
        var own = await db.CentralContributions.SingleAsync(c => c.RoundId == round.Id);
        Assert.Equal((OwnSamples, 2, 5), (own.Samples, own.AcceptedResults, own.ParticipantsPerRound));
        Assert.Equal("The central server trained on 600 own samples because only 2 of 5 terminals' results were accepted.", own.Note);
        var edges = await db.EdgeAggregates.Where(a => a.RoundId == round.Id).ToListAsync();
        var version = await db.ModelVersions.SingleAsync(v => v.RoundId == round.Id);
        var blobs = _host.Get<ModelBlobStore>();
        var expected = WeightedMean([.. edges.Select(a => (blobs.Get(a.ModelHash), (double)a.Samples)), (blobs.Get(own.ModelHash), own.Samples)]);
        AssertClose(expected, blobs.Get(version.ModelHash));
    }

    [Fact]
    public async Task AggregateAsync_RunTwiceAndConcurrently_OneCentralContribution()
    {
        var round = await FirstRoundAsync(reporting: 2);
        var aggregator = _host.Get<RoundAggregator>();

        await Task.WhenAll(Task.Run(() => aggregator.AggregateAsync(round.Id)), Task.Run(() => aggregator.AggregateAsync(round.Id)));
        await aggregator.AggregateAsync(round.Id);

        await using var db = _host.Db();
        Assert.Equal(1, await db.CentralContributions.CountAsync(c => c.RoundId == round.Id));
        Assert.Equal(1, await db.ModelVersions.CountAsync(v => v.RoundId == round.Id));
    }

    [Fact]
    public async Task AggregateAsync_AllFiveReport_NoCentralTraining()
    {
        var round = await FirstRoundAsync(reporting: 5);

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        await using var db = _host.Db();
        Assert.Equal(RoundPhase.Completed, (await db.Rounds.SingleAsync(r => r.Id == round.Id)).Phase);
        Assert.False(await db.CentralContributions.AnyAsync(c => c.RoundId == round.Id));
    }

    [Fact]
    public async Task AggregateAsync_NobodyReports_VersionFromTheCentralModelAlone()
    {
        var round = await FirstRoundAsync(reporting: 0);

        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        await using var db = _host.Db();
        var own = await db.CentralContributions.SingleAsync(c => c.RoundId == round.Id);
        var version = await db.ModelVersions.SingleAsync(v => v.RoundId == round.Id);
        Assert.Equal(0, own.AcceptedResults);
        var blobs = _host.Get<ModelBlobStore>();
        AssertClose(blobs.Get(own.ModelHash), blobs.Get(version.ModelHash));
    }

    private static ParameterSet WeightedMean(IReadOnlyList<(ParameterSet Model, double Weight)> models)
    {
        var total = models.Sum(m => m.Weight);
        var arrays = models[0].Model.Arrays.Select((array, a) => array with
        {
            Values = [.. array.Values.Select((_, i) => (float)(models.Sum(m => m.Weight * m.Model.Arrays[a].Values[i]) / total))],
        });
        return new ParameterSet([.. arrays]);
    }

    private static void AssertClose(ParameterSet expected, ParameterSet actual)
    {
        Assert.Equal(expected.Arrays.Select(a => a.Name), actual.Arrays.Select(a => a.Name));
        var largest = expected.Arrays.Zip(actual.Arrays).Max(pair => pair.First.Values.Zip(pair.Second.Values).Max(v => Math.Abs(v.First - v.Second)));
        Assert.InRange(largest, 0, 1e-5);
    }
}
