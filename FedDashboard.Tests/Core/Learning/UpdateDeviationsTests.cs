using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Anomaly;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class UpdateDeviationsTests
{
    // Hidden units: global 4, narrow tier 2.
    private static readonly ModelSpec _global = new(ModelArchitecture.Mlp2NN, Width: 0.02);
    private static readonly ModelSpec _narrow = new(ModelArchitecture.Mlp2NN, Width: 0.01);
    private static readonly ParameterSet _start = TestModels.Mlp2NN(hidden: 4, value: (_, _) => 9f);

    /// <summary>A full-width result whose update is <paramref name="step"/> on every parameter.</summary>
    private static TrainedResult Full(float step) => new(TestModels.Mlp2NN(hidden: 4, value: (_, _) => 9f + step), _global, null);

    [Fact]
    public void Measure_OneUpdateTenTimesTheOthers_ItsNormRatioIsTenTheOthersOne()
    {
        var deviations = UpdateDeviations.Measure(_start, _global, [Full(1), Full(1), Full(10), Full(1)]);

        Assert.Equal([1, 1, 10, 1], deviations.Select(d => Math.Round(d.NormRatio!.Value, 6)));
    }

    [Fact]
    public void Measure_OneUpdateSignFlipped_ItsCosineIsMinusOneTheOthersOne()
    {
        var deviations = UpdateDeviations.Measure(_start, _global, [Full(1), Full(-1), Full(1), Full(1)]);

        Assert.Equal([1, -1, 1, 1], deviations.Select(d => Math.Round(d.Cosine!.Value, 6)));
    }

    [Fact]
    public void Measure_NarrowResultWithTheSameSteps_ComparesEquallyWithFullOnes()
    {
        var narrow = new TrainedResult(TestModels.Mlp2NN(hidden: 2, value: (_, _) => 10f), _narrow, null);

        var deviations = UpdateDeviations.Measure(_start, _global, [Full(1), narrow, Full(1)]);

        Assert.All(deviations, d => Assert.Equal((1.0, 1.0), (Math.Round(d.NormRatio!.Value, 6), Math.Round(d.Cosine!.Value, 6))));
    }

    [Fact]
    public void Measure_SegmentResult_ComparedOnlyOnTheLayerItTrained()
    {
        // Outside fc2 it sends values far from the start; they are not its update.
        var segment = new TrainedResult(TestModels.Mlp2NN(hidden: 4, value: (name, _) => name.StartsWith("fc2") ? 10f : -500f), _global, new HashSet<string> { "fc2" });

        var deviations = UpdateDeviations.Measure(_start, _global, [Full(1), segment, Full(1)]);

        Assert.Equal((1.0, 1.0), (Math.Round(deviations[1].NormRatio!.Value, 6), Math.Round(deviations[1].Cosine!.Value, 6)));
    }

    [Fact]
    public void Measure_TwoResults_EveryDeviationUnknown()
    {
        var deviations = UpdateDeviations.Measure(_start, _global, [Full(1), Full(-10)]);

        Assert.Equal([UpdateDeviation.Unknown, UpdateDeviation.Unknown], deviations);
    }

    [Fact]
    public void Measure_UnchangedResult_CosineUnknownNormRatioZero()
    {
        var deviations = UpdateDeviations.Measure(_start, _global, [Full(1), Full(0), Full(1)]);

        Assert.Equal(new UpdateDeviation(0, null), deviations[1]);
    }
}
