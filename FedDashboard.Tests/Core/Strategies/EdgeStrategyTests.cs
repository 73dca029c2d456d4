using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Anomaly;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;
using static FedDashboard.Tests.Core.Strategies.StrategyData;

namespace FedDashboard.Tests.Core.Strategies;

public sealed class EdgeStrategyTests
{
    private static EdgeStrategy Strategy(EvaluationPolicy? evaluation = null, IModelAggregation? rule = null) =>
        new(Edge(1, EdgePolicy.Default with { Evaluation = evaluation ?? EvaluationPolicy.None }), Settings, rule ?? new FedAvg(), new TerminalsAsk(), mapSize: 1000);

    /// <summary>A full-width result of the given value, as its validation accuracy too, reported <paramref name="afterSeconds"/> after its assignment.</summary>
    private static EdgeResult Result(int terminal, float value, double afterSeconds = 10) => new(
        Idle(terminal, edgeId: 1), Reliability.NoWork, TrainedPart.Of(1, null).Trained(Full(value), ModelArchitecture.Mlp2NN),
        Samples: 600, TestData.Now, TestData.Now.AddSeconds(afterSeconds), ValidationAccuracy: value);

    private static ParameterSet NoStartNeeded() => throw new InvalidOperationException("The start model was read.");

    [Fact]
    public void Evaluate_ResultBelowTheMinimumValidationAccuracy_RejectedWithTheReasonAndItsAccuracy()
    {
        var verdicts = Strategy(new() { MinValidationAccuracy = 0.5 }).Evaluate([Result(1, 0.9f), Result(2, 0.2f)], NoStartNeeded);

        Assert.True(verdicts[0].Accepted);
        Assert.Equal(0.2, verdicts[1].ValidationAccuracy, precision: 6);
        Assert.StartsWith("Validation accuracy 20.0 % below the edge's minimum 50.0 %", verdicts[1].Rejection);
    }

    [Fact]
    public void Evaluate_ReportedLaterThanTheMaximum_RejectedNamingTheDelay()
    {
        var verdicts = Strategy(new() { MaxReportSeconds = 30 }).Evaluate([Result(1, 0.9f, afterSeconds: 45)], NoStartNeeded);

        Assert.Equal("Reported 45.0 s after assignment, later than the edge's maximum 30 s", verdicts[0].Rejection);
    }

    [Fact]
    public void Evaluate_NormRatioBound_OutlyingUpdateRejectedAgainstTheStartModel()
    {
        var verdicts = Strategy(new() { MaxNormRatio = 3 }).Evaluate(
            [Result(1, 0.6f), Result(2, 0.7f), Result(3, 0.65f), Result(4, 50f)], () => Full(0.5f));

        Assert.Equal([true, true, true, false], verdicts.Select(v => v.Accepted));
    }

    [Fact]
    public void Aggregate_CoordinateMedianRule_EachElementsMedianOfTheAccepted()
    {
        var model = Strategy(rule: new CoordinateMedian()).Aggregate(Full(0), [Accepted(1), Accepted(3), Accepted(400)]);

        Assert.All(model.Arrays, array => Assert.All(array.Values, value => Assert.Equal(3f, value)));
    }

    [Fact]
    public void Aggregate_FedAvg_WeighsBySamplesOnlyWhereEachResultTrained()
    {
        var model = Strategy().Aggregate(Full(9), [Accepted(1, samples: 100, segment: "fc1"), Accepted(5, samples: 300)]);

        Assert.All(model["fc1.weight"].Values, value => Assert.Equal(4f, value));
        Assert.All(model["fc2.weight"].Values, value => Assert.Equal(5f, value));
    }

    private static Contribution Accepted(float value, int samples = 100, string? segment = null) =>
        new(() => Full(value), TrainedPart.Of(1, segment), samples);
}
