using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class SubModelTests
{
    // Widths chosen so the hidden sizes are tiny: 2NN 3 -> 2 units; CNN (2, 4, 32) -> (1, 2, 16).
    private static readonly ModelSpec _mlpGlobal = new(ModelArchitecture.Mlp2NN, Width: 0.015);
    private static readonly ModelSpec _mlpTier = new(ModelArchitecture.Mlp2NN, Width: 0.01);
    private static readonly ModelSpec _cnnGlobal = new(ModelArchitecture.Cnn, Width: 1 / 16.0);
    private static readonly ModelSpec _cnnTier = new(ModelArchitecture.Cnn, Width: 1 / 32.0);

    private static readonly ParameterSet _mlp = TestModels.Mlp2NN(hidden: 3, value: (_, index) => index);
    private static readonly ParameterSet _cnn = TestModels.Cnn(channels1: 2, channels2: 4, hidden: 32, value: (_, index) => index);

    [Fact]
    public void Extract_Mlp2NNHiddenLayer_KeepsTopLeftBlock()
    {
        var tier = SubModel.Extract(_mlp, _mlpGlobal, _mlpTier);

        Assert.Equal([2, 2], tier["fc2.weight"].Shape);
        Assert.Equal([0f, 1f, 3f, 4f], tier["fc2.weight"].Values);
        Assert.Equal([0f, 1f], tier["fc2.bias"].Values);
    }

    [Fact]
    public void Extract_Mlp2NNFirstLayer_KeepsAll784InputsOfTheFirstUnits()
    {
        var tier = SubModel.Extract(_mlp, _mlpGlobal, _mlpTier);

        Assert.Equal([2, 784], tier["fc1.weight"].Shape);
        Assert.Equal(Enumerable.Range(0, 2 * 784).Select(i => (float)i), tier["fc1.weight"].Values);
    }

    [Fact]
    public void Extract_Mlp2NNLastLayer_KeepsAllTenOutputs()
    {
        var tier = SubModel.Extract(_mlp, _mlpGlobal, _mlpTier);

        Assert.Equal([10, 2], tier["fc3.weight"].Shape);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(row => new float[] { row * 3, row * 3 + 1 }), tier["fc3.weight"].Values);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), tier["fc3.bias"].Values);
    }

    [Fact]
    public void Extract_CnnConv2_KeepsFirstOutputChannelsAndTheirFirstInputChannel()
    {
        var tier = SubModel.Extract(_cnn, _cnnGlobal, _cnnTier);

        // Global conv2 is [4, 2, 5, 5]: output channel o, input channel 0 starts at o * 50.
        Assert.Equal([2, 1, 5, 5], tier["conv2.weight"].Shape);
        Assert.Equal(Enumerable.Range(0, 25).Concat(Enumerable.Range(50, 25)).Select(i => (float)i), tier["conv2.weight"].Values);
    }

    [Fact]
    public void Extract_CnnFc1_KeepsWhole49ColumnBlocksOfTheFirstChannels()
    {
        var tier = SubModel.Extract(_cnn, _cnnGlobal, _cnnTier);

        // Global fc1 is [32, 4 channels x 49 pixels], flattened channel-major.
        var expected =
            from row in Enumerable.Range(0, 16)
            from channel in Enumerable.Range(0, 2)
            from pixel in Enumerable.Range(0, 49)
            select (float)(row * 196 + channel * 49 + pixel);
        Assert.Equal([16, 98], tier["fc1.weight"].Shape);
        Assert.Equal(expected, tier["fc1.weight"].Values);
    }

    [Fact]
    public void Extract_CnnLastLayer_KeepsAllTenOutputsOfTheFirstHiddenUnits()
    {
        var tier = SubModel.Extract(_cnn, _cnnGlobal, _cnnTier);

        Assert.Equal([10, 16], tier["fc2.weight"].Shape);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(row => Enumerable.Range(row * 32, 16)).Select(i => (float)i), tier["fc2.weight"].Values);
    }

    [Theory]
    [InlineData(ModelArchitecture.Mlp2NN, 1.0)]
    [InlineData(ModelArchitecture.Mlp2NN, 0.5)]
    [InlineData(ModelArchitecture.Mlp2NN, 0.25)]
    [InlineData(ModelArchitecture.Cnn, 1.0)]
    [InlineData(ModelArchitecture.Cnn, 0.5)]
    [InlineData(ModelArchitecture.Cnn, 0.25)]
    // 0.3 rounds 64 channels to 19, so fc1 reads 19 x 49 = 931 columns, not 3136 x 0.3 rounded (941).
    [InlineData(ModelArchitecture.Cnn, 0.3)]
    public void Extract_FromFullWidthModel_HasTheShapesOfAnInitialTierModel(ModelArchitecture architecture, double width)
    {
        var globalSpec = new ModelSpec(architecture);
        var tierSpec = new ModelSpec(architecture, width);
        var global = ModelInitializer.Initial(globalSpec, seed: 1);

        var tier = SubModel.Extract(global, globalSpec, tierSpec);

        Assert.True(tier.ShapeMatches(ModelInitializer.Initial(tierSpec, seed: 1)));
    }

    [Fact]
    public void Extract_SameWidth_ReturnsTheGlobalValues()
    {
        var tier = SubModel.Extract(_mlp, _mlpGlobal, _mlpGlobal);

        Assert.All(_mlp.Arrays, array => Assert.Equal(array.Values, tier[array.Name].Values));
    }

    [Fact]
    public void Extract_TierOfOtherArchitecture_ThrowsArgumentExceptionSayingItDoesNotNest()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SubModel.Extract(_mlp, _mlpGlobal, new ModelSpec(ModelArchitecture.Cnn, Width: 0.01)));

        Assert.Contains("does not nest", error.Message);
    }

    [Fact]
    public void Extract_TierWiderThanGlobal_ThrowsArgumentExceptionSayingItDoesNotNest()
    {
        var error = Assert.Throws<ArgumentException>(() => SubModel.Extract(_mlp, _mlpGlobal, new ModelSpec(ModelArchitecture.Mlp2NN, Width: 0.5)));

        Assert.Contains("does not nest", error.Message);
    }

    [Fact]
    public void Extract_GlobalNotShapedAsGlobalSpec_ThrowsArgumentExceptionNamingTheArray()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SubModel.Extract(TestModels.Mlp2NN(hidden: 4), _mlpGlobal, _mlpTier));

        Assert.Contains("fc1.weight[4x784]", error.Message);
    }

    [Theory]
    [InlineData(ModelArchitecture.Mlp2NN, 0.5, ModelArchitecture.Mlp2NN, 1.0, true)]
    [InlineData(ModelArchitecture.Cnn, 0.5, ModelArchitecture.Cnn, 0.5, true)]
    [InlineData(ModelArchitecture.Mlp2NN, 1.0, ModelArchitecture.Mlp2NN, 0.5, false)]
    [InlineData(ModelArchitecture.Cnn, 0.25, ModelArchitecture.Mlp2NN, 1.0, false)]
    public void Nests_TierAndGlobal_TrueOnlyForSameArchitectureAndNoWiderTier(
        ModelArchitecture tierArchitecture, double tierWidth, ModelArchitecture globalArchitecture, double globalWidth, bool expected)
    {
        var nests = SubModel.Nests(new ModelSpec(tierArchitecture, tierWidth), new ModelSpec(globalArchitecture, globalWidth));

        Assert.Equal(expected, nests);
    }
}
