using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class TieredAverageTests
{
    // Hidden units: global 4, wide tier 2, narrow tier 1.
    private static readonly ModelSpec _global = new(ModelArchitecture.Mlp2NN, Width: 0.02);
    private static readonly ModelSpec _wide = new(ModelArchitecture.Mlp2NN, Width: 0.01);
    private static readonly ModelSpec _narrow = new(ModelArchitecture.Mlp2NN, Width: 0.005);

    private static readonly ParameterSet _template = TestModels.Mlp2NN(hidden: 4, value: (_, _) => 9f);

    [Fact]
    public void Result_NarrowAndWideResults_AveragesWhereBothCoverWideAloneWhereOnlyItCoversTemplateElsewhere()
    {
        var average = new TieredAverage(_template);
        average.Add(TestModels.Mlp2NN(hidden: 1, value: (_, _) => 1f), _narrow, _global, weight: 1);
        average.Add(TestModels.Mlp2NN(hidden: 2, value: (_, _) => 4f), _wide, _global, weight: 3);

        var result = average.Result();

        // (1 x 1 + 3 x 4) / 4 = 3.25 where both cover, 4 where only the wide one does, 9 from the template.
        Assert.Equal(
            [
                3.25f, 4f, 9f, 9f,
                4f, 4f, 9f, 9f,
                9f, 9f, 9f, 9f,
                9f, 9f, 9f, 9f,
            ],
            result["fc2.weight"].Values);
    }

    [Fact]
    public void Result_NarrowAndWideResults_AveragesTheTenOutputBiasesOverBoth()
    {
        var average = new TieredAverage(_template);
        average.Add(TestModels.Mlp2NN(hidden: 1, value: (_, _) => 1f), _narrow, _global, weight: 1);
        average.Add(TestModels.Mlp2NN(hidden: 2, value: (_, _) => 4f), _wide, _global, weight: 3);

        var result = average.Result();

        Assert.Equal(Enumerable.Repeat(3.25f, 10), result["fc3.bias"].Values);
    }

    [Fact]
    public void Result_OnlyFullWidthResults_EqualsWeightedMeanPerElement()
    {
        var random = new Random(3);
        var results = new[] { 100.0, 250.0, 37.0 }
            .Select(weight => (Parameters: TestModels.Mlp2NN(hidden: 4, value: (_, _) => (float)random.NextDouble()), Weight: weight))
            .ToArray();
        var tiered = new TieredAverage(_template);
        foreach (var (parameters, weight) in results) tiered.Add(parameters, _global, _global, weight);

        var result = tiered.Result();

        var total = results.Sum(r => r.Weight);
        Assert.All(_template.Arrays, array => Assert.Equal(
            array.Values.Select((_, j) => (float)(results.Sum(r => r.Weight * r.Parameters[array.Name].Values[j]) / total)),
            result[array.Name].Values));
    }

    [Fact]
    public void Result_MoreWholeResultsThanAGroupOnArraysSplitOverCores_EqualsWeightedMeanPerElement()
    {
        // The full 2NN: fc1.weight (156,800 values) is large enough to be summed on every core.
        var full = new ModelSpec(ModelArchitecture.Mlp2NN);
        var random = new Random(5);
        var results = Enumerable.Range(0, 2 * TieredAverage.GroupSize + 3)
            .Select(i => (Parameters: TestModels.Mlp2NN(hidden: 200, value: (_, _) => (float)random.NextDouble() - 0.5f), Weight: 10.0 + i * 7))
            .ToArray();
        var average = new TieredAverage(TestModels.Mlp2NN(hidden: 200));
        foreach (var (parameters, weight) in results) average.Add(parameters, full, full, weight);

        var result = average.Result();

        var total = results.Sum(r => r.Weight);
        foreach (var array in result.Arrays)
        {
            var sums = new double[array.Values.Length];
            foreach (var (parameters, weight) in results)
                for (var j = 0; j < sums.Length; j++) sums[j] += weight * parameters[array.Name].Values[j];
            Assert.Equal(sums.Select(sum => (float)(sum / total)), array.Values);
        }
    }

    [Fact]
    public void Result_WholeResultWithInfinity_ThrowsArgumentExceptionNamingTheArray()
    {
        var average = new TieredAverage(_template);
        average.Add(TestModels.Mlp2NN(hidden: 4, value: (name, index) => name == "fc1.weight" && index == 3000 ? float.PositiveInfinity : 1f), _global, _global, weight: 1);

        var error = Assert.Throws<ArgumentException>(() => average.Result());

        Assert.Contains("'fc1.weight' contains NaN or infinite values", error.Message);
    }

    [Fact]
    public void Result_AfterAdds_HasTheTemplatesNamesAndShapes()
    {
        var average = new TieredAverage(_template);
        average.Add(TestModels.Mlp2NN(hidden: 1), _narrow, _global, weight: 1);

        var result = average.Result();

        Assert.True(result.ShapeMatches(_template));
    }

    [Fact]
    public void Result_NothingAdded_ThrowsInvalidOperationException()
    {
        var average = new TieredAverage(_template);

        Assert.Throws<InvalidOperationException>(() => average.Result());
    }

    [Fact]
    public void Add_NaNValue_ThrowsArgumentException()
    {
        var average = new TieredAverage(_template);
        var result = TestModels.Mlp2NN(hidden: 2, value: (name, index) => name == "fc2.bias" && index == 1 ? float.NaN : 0f);

        var error = Assert.Throws<ArgumentException>(() => average.Add(result, _wide, _global, weight: 1));

        Assert.Contains("NaN", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_WeightNotPositiveFinite_ThrowsArgumentException(double weight)
    {
        var average = new TieredAverage(_template);

        Assert.Throws<ArgumentException>(() => average.Add(TestModels.Mlp2NN(hidden: 2), _wide, _global, weight));
    }

    [Fact]
    public void Add_TierWiderThanGlobal_ThrowsArgumentExceptionSayingItDoesNotNest()
    {
        var average = new TieredAverage(_template);

        var error = Assert.Throws<ArgumentException>(() =>
            average.Add(TestModels.Mlp2NN(hidden: 8), new ModelSpec(ModelArchitecture.Mlp2NN, Width: 0.04), _global, weight: 1));

        Assert.Contains("does not nest", error.Message);
    }

    [Fact]
    public void Add_ResultNotShapedAsItsTier_ThrowsArgumentExceptionNamingTheArray()
    {
        var average = new TieredAverage(_template);

        var error = Assert.Throws<ArgumentException>(() => average.Add(TestModels.Mlp2NN(hidden: 1), _wide, _global, weight: 1));

        Assert.Contains("fc1.weight[1x784]", error.Message);
    }

    [Fact]
    public void Add_TemplateNotShapedAsGlobalSpec_ThrowsArgumentException()
    {
        var average = new TieredAverage(_template);

        Assert.Throws<ArgumentException>(() => average.Add(TestModels.Mlp2NN(hidden: 1), _narrow, _wide, weight: 1));
    }

    [Fact]
    public void Add_RejectedResult_LeavesAverageUnchanged()
    {
        var average = new TieredAverage(_template);
        average.Add(TestModels.Mlp2NN(hidden: 2, value: (_, _) => 4f), _wide, _global, weight: 1);

        Assert.Throws<ArgumentException>(() =>
            average.Add(TestModels.Mlp2NN(hidden: 2, value: (_, _) => float.PositiveInfinity), _wide, _global, weight: 5));

        Assert.Equal(1, average.Count);
        Assert.Equal(4f, average.Result()["fc2.weight"].Values[0]);
    }

    [Fact]
    public void Result_FullAndNarrowResults_EveryElementOfEveryArrayAsWorkedOutByHand()
    {
        // Global hidden 2, narrow hidden 1. The full result holds its row-major index, the narrow one 100 + its own index.
        var global = new ModelSpec(ModelArchitecture.Mlp2NN, Width: 0.01);
        var average = new TieredAverage(TestModels.Mlp2NN(hidden: 2, value: (_, _) => 9f));
        average.Add(TestModels.Mlp2NN(hidden: 1, value: (_, index) => 100 + index), _narrow, global, weight: 1);
        average.Add(TestModels.Mlp2NN(hidden: 2, value: (_, index) => index), global, global, weight: 3);

        var result = average.Result();

        // Inside the narrow block: (1 x (100 + narrow index) + 3 x global index) / 4; outside it the full result alone.
        float[] fc1Weight = [.. Enumerable.Range(0, 784).Select(c => (100f + c + 3 * c) / 4), .. Enumerable.Range(784, 784).Select(i => (float)i)];
        float[] fc3Weight = [.. Enumerable.Range(0, 10).SelectMany(r => new[] { (100f + r + 3 * 2 * r) / 4, 2 * r + 1 })];
        Assert.Equal(fc1Weight, result["fc1.weight"].Values);
        Assert.Equal([25f, 1f], result["fc1.bias"].Values);
        Assert.Equal([25f, 1f, 2f, 3f], result["fc2.weight"].Values);
        Assert.Equal([25f, 1f], result["fc2.bias"].Values);
        Assert.Equal(fc3Weight, result["fc3.weight"].Values);
        Assert.Equal(Enumerable.Range(0, 10).Select(r => (100f + r + 3 * r) / 4), result["fc3.bias"].Values);
    }

    [Fact]
    public void Result_OneResultTrainedOnlyFc1_ItsFrozenLayersDoNotDiluteTheOthers()
    {
        var average = new TieredAverage(_template);
        average.Add(TestModels.Mlp2NN(hidden: 4, value: (_, _) => 1f), _global, _global, weight: 1, segments: new HashSet<string> { "fc1" });
        average.Add(TestModels.Mlp2NN(hidden: 4, value: (_, _) => 5f), _global, _global, weight: 3);

        var result = average.Result();

        // fc1: (1 x 1 + 3 x 5) / 4 = 4; fc2 and fc3 only from the result that trained them.
        Assert.All(result["fc1.weight"].Values, value => Assert.Equal(4f, value));
        Assert.All(result["fc1.bias"].Values, value => Assert.Equal(4f, value));
        Assert.All(new[] { "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias" }, name => Assert.All(result[name].Values, value => Assert.Equal(5f, value)));
    }

    [Fact]
    public void Result_NarrowResultOnFc2AndWideResultOnFc1_EachElementFromWhoTrainedItTemplateElsewhere()
    {
        var average = new TieredAverage(_template);
        average.Add(TestModels.Mlp2NN(hidden: 1, value: (_, _) => 1f), _narrow, _global, weight: 1, segments: new HashSet<string> { "fc2" });
        average.Add(TestModels.Mlp2NN(hidden: 2, value: (_, _) => 4f), _wide, _global, weight: 3, segments: new HashSet<string> { "fc1" });

        var result = average.Result();

        Assert.Equal([1f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f, 9f], result["fc2.weight"].Values);
        Assert.Equal([4f, 4f, 9f, 9f], result["fc1.bias"].Values);
        Assert.All(result["fc3.bias"].Values, value => Assert.Equal(9f, value));
    }

    [Fact]
    public void Add_UnknownSegment_ThrowsArgumentExceptionNamingIt()
    {
        var average = new TieredAverage(_template);

        var error = Assert.Throws<ArgumentException>(() =>
            average.Add(TestModels.Mlp2NN(hidden: 4), _global, _global, weight: 1, segments: new HashSet<string> { "conv1" }));

        Assert.Contains("'conv1'", error.Message);
    }
}
