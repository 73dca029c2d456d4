using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.ServerOptimizers;
using FedDashboard.Tests.Shared;
using static FedDashboard.Tests.Shared.TestResults;

namespace FedDashboard.Tests.Core.Strategies;

public sealed class ModelAggregationTests
{
    [Theory]
    [InlineData(AggregationRule.FedAvg, typeof(FedAvg))]
    [InlineData(AggregationRule.CoordinateMedian, typeof(CoordinateMedian))]
    [InlineData(AggregationRule.TrimmedMean, typeof(TrimmedMean))]
    [InlineData(AggregationRule.NormClipping, typeof(NormClipping))]
    [InlineData(AggregationRule.FedAvgM, typeof(FedAvg))]
    [InlineData(AggregationRule.FedAdam, typeof(FedAvg))]
    [InlineData(AggregationRule.FedProx, typeof(FedAvg))]
    [InlineData(AggregationRule.Krum, typeof(Krum))]
    public void For_EachRule_ReturnsItsAggregation(AggregationRule rule, Type expected)
    {
        var aggregation = ModelAggregation.For(new AggregationPolicy { Rule = rule });

        Assert.IsType(expected, aggregation);
    }

    [Theory]
    [InlineData(AggregationRule.FedAvgM, typeof(ServerMomentum))]
    [InlineData(AggregationRule.FedAdam, typeof(ServerAdam))]
    public void ServerOptimizationFor_ServerOptimizerRules_ReturnsTheirOptimizer(AggregationRule rule, Type expected)
    {
        Assert.IsType(expected, ServerOptimization.For(new AggregationPolicy { Rule = rule }));
    }

    [Theory]
    [InlineData(AggregationRule.FedAvg)]
    [InlineData(AggregationRule.FedProx)]
    [InlineData(AggregationRule.Krum)]
    public void ServerOptimizationFor_OtherRules_None(AggregationRule rule)
    {
        Assert.Null(ServerOptimization.For(new AggregationPolicy { Rule = rule }));
    }

    [Fact]
    public void For_TrimmedMeanPolicy_TrimsByThePolicysFraction()
    {
        var aggregation = ModelAggregation.For(new AggregationPolicy { Rule = AggregationRule.TrimmedMean, TrimFraction = 0.4 });

        // Two of five dropped at each end: only the middle 3 is left.
        var result = aggregation.Aggregate(Template(), Global, [Constant(1), Constant(2), Constant(3), Constant(40), Constant(50)]);

        Assert.All(result["fc3.bias"].Values, value => Assert.Equal(3f, value));
    }

    [Fact]
    public void For_ClippingPolicy_ClipsByThePolicysFactor()
    {
        var aggregation = ModelAggregation.For(new AggregationPolicy { Rule = AggregationRule.NormClipping, ClipFactor = 3 });

        var result = aggregation.Aggregate(Template(0), Global, [Constant(1), Constant(2), Constant(30)]);

        Assert.All(result["fc3.bias"].Values, value => Assert.Equal((1 + 2 + 6) / 3.0, value, 1e-4));
    }
}
