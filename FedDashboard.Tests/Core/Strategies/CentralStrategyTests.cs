using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.ServerOptimizers;
using static FedDashboard.Tests.Core.Strategies.StrategyData;

namespace FedDashboard.Tests.Core.Strategies;

public sealed class CentralStrategyTests
{
    private static readonly EdgeServer[] _edges = [Edge(1), Edge(2)];

    // Edge 1 has six idle terminals, edge 2 two: K = 0.1 x 40 = 4 splits 3 to 1.
    private static readonly Terminal[] _idle = [.. Enumerable.Range(1, 6).Select(id => Idle(id, edgeId: 1)), Idle(7, edgeId: 2), Idle(8, edgeId: 2)];

    private static IEnumerable<string> Names(EdgeSelection selection) => selection.Assigned.Select(a => a.Terminal.Name);

    [Fact]
    public void Configure_SameSeedAndRound_SameTerminalsInTheSameOrder()
    {
        var first = Central().Configure(Round(3, _edges, _idle));
        var second = Central().Configure(Round(3, _edges, _idle));

        Assert.Equal(first.SelectMany(Names), second.SelectMany(Names));
    }

    [Fact]
    public void Configure_EdgesWithSixAndTwoCandidates_SplitsFourParticipantsThreeToOne()
    {
        var selections = Central().Configure(Round(1, _edges, _idle));

        Assert.Equal([3, 1], selections.Select(s => s.Assigned.Count));
        Assert.Equal([6, 2], selections.Select(s => s.Eligible));
    }

    [Fact]
    public void Configure_SegmentedPerTerminal_LayerPositionsRunOnAcrossEdges()
    {
        var selections = Central(Settings with { Segmentation = Segmentation.PerTerminal }).Configure(Round(1, _edges, _idle));

        // The 2NN's layers fc1, fc2, fc3 rotate by (position + round number): positions 0-2 at edge 1, 3 at edge 2.
        Assert.Equal(["fc2", "fc3", "fc1", "fc2"], selections.SelectMany(s => s.Assigned).Select(a => a.Segment));
    }

    [Fact]
    public void Configure_JobSharesData_GrantsEachAssignedTerminalItsEdgesDonorsData()
    {
        var settings = Settings with { ShareData = true, ShareMaxSamples = 40 };
        var donors = new Dictionary<int, SharedDataDonors>
        {
            [1] = new([new Donor(99, 1000, true, FedDashboard.Tests.Shared.TestData.Now)], new Dictionary<int, int>(), settings, FedDashboard.Tests.Shared.TestData.Now),
            [2] = new([], new Dictionary<int, int>(), settings, FedDashboard.Tests.Shared.TestData.Now),
        };

        var selections = Central(settings).Configure(Round(1, _edges, _idle, donors));

        // One donor gives at most a quarter of the limit to each participant.
        Assert.All(selections[0].Assigned, a => Assert.Equal([new Grant(99, 10)], a.Grants));
        Assert.Empty(Assert.Single(selections[1].Assigned).Grants);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(6, true)]
    public void CombinesAfter_ThreeEdgeRoundsPerCombination_OnlyAtTheEndOfEachPeriod(int round, bool combines)
    {
        Assert.Equal(combines, Central(Settings with { EdgeRoundsPerCombination = 3 }).CombinesAfter(round));
    }

    [Fact]
    public void Combine_FedAvg_WeighsEachEdgeBySamplesOfThePeriod()
    {
        var model = Central().Combine(Full(0), null, [Period(1, samples: 100), Period(5, samples: 300)]).Model;

        Assert.All(model.Arrays, array => Assert.All(array.Values, value => Assert.Equal(4f, value)));
    }

    [Fact]
    public void Combine_EdgeTrainedOnlyFc1_CountsOnlyForFc1()
    {
        var model = Central().Combine(Full(0), null, [Period(1, samples: 100, TrainedPart.Of(1, "fc1")), Period(5, samples: 300)]).Model;

        Assert.All(model["fc1.weight"].Values, value => Assert.Equal(4f, value));
        Assert.All(model["fc2.weight"].Values, value => Assert.Equal(5f, value));
    }

    [Fact]
    public void Combine_CoordinateMedianRule_TheSameRuleAtTheCentreIgnoresAnOutlyingEdge()
    {
        var model = Central(rule: new CoordinateMedian()).Combine(Full(0), null, [Period(1, 100), Period(2, 100), Period(1000, 100_000)]).Model;

        Assert.All(model.Arrays, array => Assert.All(array.Values, value => Assert.Equal(2f, value)));
    }

    [Fact]
    public void Combine_FedAvgM_StepsFromTheParentByTheMomentumAndReturnsItsState()
    {
        // The edges average to 4 from 0: velocity 4, model 0.4; again from 0 with that state: velocity 0.5·4 + 4 = 6, model 0.6.
        var central = Central(optimizer: new ServerMomentum(learningRate: 0.1, momentum: 0.5));
        var first = central.Combine(Full(0), null, [Period(2, samples: 100), Period(6, samples: 100)]);
        var state = first.ServerState!;

        var second = central.Combine(Full(0), state, [Period(4, samples: 100)]);

        Assert.All(first.Model.Arrays, array => Assert.All(array.Values, value => Assert.Equal(0.4f, value, 1e-6)));
        Assert.All(second.Model.Arrays, array => Assert.All(array.Values, value => Assert.Equal(0.6f, value, 1e-6)));
    }

    [Fact]
    public void Combine_NoServerOptimizer_KeepsNoState()
    {
        Assert.Null(Central().Combine(Full(0), null, [Period(1, samples: 100)]).ServerState);
    }

    private static EdgePeriod Period(float value, int samples, params TrainedPart[] trained) =>
        new(() => Full(value), samples, trained.Length > 0 ? trained : [TrainedPart.Of(1, null)]);
}
