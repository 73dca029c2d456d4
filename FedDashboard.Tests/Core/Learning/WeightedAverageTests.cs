using FedDashboard.Core.Learning;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class WeightedAverageTests
{
    [Fact]
    public void Result_TwoSetsWeightedBySampleCount_IsWeightedMeanPerElement()
    {
        var average = new WeightedAverage();
        average.Add(TestParameters.Set(w: [1f, 2f, 3f, 4f], b: [0f, 10f]), weight: 100);
        average.Add(TestParameters.Set(w: [5f, 6f, 7f, 8f], b: [4f, -10f]), weight: 300);

        var result = average.Result();

        Assert.Equal([4f, 5f, 6f, 7f], result["w"].Values);
        Assert.Equal([3f, -5f], result["b"].Values);
    }

    [Fact]
    public void Result_EqualWeights_IsPlainMean()
    {
        var average = new WeightedAverage();
        average.Add(TestParameters.Single("x", [3], [0f, 1f, 2f]), weight: 1);
        average.Add(TestParameters.Single("x", [3], [2f, 3f, 6f]), weight: 1);

        var result = average.Result();

        Assert.Equal([1f, 2f, 4f], result["x"].Values);
    }

    [Fact]
    public void Result_AfterAdds_KeepsNamesAndShapesOfFirstSet()
    {
        var average = new WeightedAverage();
        average.Add(TestParameters.Set(), weight: 2);

        var result = average.Result();

        Assert.True(result.ShapeMatches(TestParameters.Set()));
    }

    [Fact]
    public void TotalWeightAndCount_AfterTwoAdds_SumWeightsAndCountSets()
    {
        var average = new WeightedAverage();

        average.Add(TestParameters.Set(), weight: 600);
        average.Add(TestParameters.Set(), weight: 250);

        Assert.Equal(850, average.TotalWeight);
        Assert.Equal(2, average.Count);
    }

    [Fact]
    public void Add_ShapeDiffersFromFirstSet_ThrowsArgumentExceptionNamingShapes()
    {
        var average = new WeightedAverage();
        average.Add(TestParameters.Set(), weight: 1);

        var error = Assert.Throws<ArgumentException>(() =>
            average.Add(TestParameters.Single("w", [4], [1f, 2f, 3f, 4f]), weight: 1));

        Assert.Contains("w[2x2]", error.Message);
    }

    [Fact]
    public void Add_NaNValue_ThrowsArgumentException()
    {
        var average = new WeightedAverage();

        var error = Assert.Throws<ArgumentException>(() =>
            average.Add(TestParameters.Set(b: [float.NaN, 0f]), weight: 1));

        Assert.Contains("NaN", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_WeightNotPositiveFinite_ThrowsArgumentException(double weight)
    {
        var average = new WeightedAverage();

        Assert.Throws<ArgumentException>(() => average.Add(TestParameters.Set(), weight));
    }

    [Fact]
    public void Add_RejectedSet_LeavesAverageUnchanged()
    {
        var average = new WeightedAverage();
        average.Add(TestParameters.Set(), weight: 1);

        Assert.Throws<ArgumentException>(() => average.Add(TestParameters.Set(w: [float.PositiveInfinity, 0f, 0f, 0f]), weight: 5));

        Assert.Equal(1, average.Count);
    }

    [Fact]
    public void Result_NothingAdded_ThrowsInvalidOperationException()
    {
        var average = new WeightedAverage();

        Assert.Throws<InvalidOperationException>(() => average.Result());
    }
}
