using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Rounds started by the real RoundStarter, with results of hand-made parameters reported through the participant's
/// own domain method, so the aggregated version can be checked element by element against values worked out by hand.
/// </summary>
public sealed class TieredAggregationTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AggregateAsync_MixedWidthsOnTwoEdges_VersionEqualsHandComputedTieredAverage()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Selection = SelectionMode.Tiered });
        await _host.SetPolicyAsync(1, new EdgePolicy { Selection = SelectionMode.Tiered });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(edge: 0, load: 0.1), TestData.Terminal(edge: 0, load: 0.5), TestData.Terminal(edge: 1, load: 0.5));
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        Assert.Equal([1.0, 0.5, 0.5], ids.Select(id => round.Participants.Single(p => p.TerminalId == id).Work.Width));

        await ReportAsync(round, ids[0], TestModels.Mlp2NN(hidden: 200, value: (_, _) => 1f), samples: 100);
        await ReportAsync(round, ids[1], TestModels.Mlp2NN(hidden: 100, value: (_, _) => 3f), samples: 300);
        await ReportAsync(round, ids[2], TestModels.Mlp2NN(hidden: 100, value: (_, _) => 5f), samples: 200);
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        // Inside the half-width block: edge 1 (1 x 100 + 3 x 300) / 400 = 2.5, edge 2 all 5, centre (2.5 x 400 + 5 x 200) / 600.
        // Outside it only the full-width terminal trained: 1; edge 2 trained nothing there and does not count.
        var model = await VersionModelAsync(round);
        const double inner = (2.5 * 400 + 5 * 200) / 600;
        AssertEvery(model, "fc1.weight", index => index / 784 < 100 ? inner : 1);
        AssertEvery(model, "fc1.bias", index => index < 100 ? inner : 1);
        AssertEvery(model, "fc2.weight", index => index / 200 < 100 && index % 200 < 100 ? inner : 1);
        AssertEvery(model, "fc2.bias", index => index < 100 ? inner : 1);
        AssertEvery(model, "fc3.weight", index => index % 200 < 100 ? inner : 1);
        AssertEvery(model, "fc3.bias", _ => inner);
    }

    [Fact]
    public async Task AggregateAsync_PerEdgeSegments_EachLayerFromTheEdgeThatTrainedItTheRestFromTheBase()
    {
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(edge: 0), TestData.Terminal(edge: 1));
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings() with { Segmentation = Segmentation.PerEdge });
        var round = await _host.StartRoundByHandAsync(job.Id);
        Assert.Equal(["fc2", "fc3"], ids.Select(id => round.Participants.Single(p => p.TerminalId == id).Assignment.Segment));

        // Each terminal sends a whole model; only its own layer counts.
        await ReportAsync(round, ids[0], TestModels.Mlp2NN(hidden: 200, value: (_, _) => 2f), samples: 100);
        await ReportAsync(round, ids[1], TestModels.Mlp2NN(hidden: 200, value: (_, _) => 6f), samples: 200);
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);

        var model = await VersionModelAsync(round);
        var v0 = await BaseModelAsync(round);
        Assert.Equal(v0["fc1.weight"].Values, model["fc1.weight"].Values);
        Assert.Equal(v0["fc1.bias"].Values, model["fc1.bias"].Values);
        AssertEvery(model, "fc2.weight", _ => 2);
        AssertEvery(model, "fc2.bias", _ => 2);
        AssertEvery(model, "fc3.weight", _ => 6);
        AssertEvery(model, "fc3.bias", _ => 6);
    }

    private async Task ReportAsync(Round round, int terminalId, ParameterSet result, int samples)
    {
        await using var db = _host.Db();
        var participant = await db.RoundParticipants.SingleAsync(p => p.RoundId == round.Id && p.TerminalId == terminalId);
        participant.Report(_host.Get<ModelBlobStore>().Put(result), samples, trainLoss: 0.5, trainAccuracy: 0.5, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private async Task<ParameterSet> VersionModelAsync(Round round)
    {
        await using var db = _host.Db();
        var version = await db.ModelVersions.SingleAsync(v => v.RoundId == round.Id);
        return _host.Get<ModelBlobStore>().Get(version.ModelHash);
    }

    private async Task<ParameterSet> BaseModelAsync(Round round)
    {
        await using var db = _host.Db();
        var version = await db.ModelVersions.SingleAsync(v => v.Id == round.BaseModelVersionId);
        return _host.Get<ModelBlobStore>().Get(version.ModelHash);
    }

    private static void AssertEvery(ParameterSet model, string name, Func<int, double> expected)
    {
        var values = model[name].Values;
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(values[i] - expected(i)) < 1e-5, $"{name}[{i}] is {values[i]}, expected {expected(i)}.");
    }
}
