using FedDashboard.Core.Learning.Models;


namespace FedDashboard.Tests.Core.Learning;

public sealed class ModelInitializerTests
{
    [Fact]
    public void Initial_Paper2NN_Has199210ParametersInStateDictOrder()
    {
        var parameters = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Mlp2NN), seed: 1);

        Assert.Equal(199_210, parameters.ElementCount);
        Assert.Equal(
            ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"],
            parameters.Arrays.Select(array => array.Name));
    }

    [Fact]
    public void Initial_PaperCnn_Has1663370Parameters()
    {
        var parameters = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Cnn), seed: 1);

        Assert.Equal(1_663_370, parameters.ElementCount);
        Assert.Equal([512, 3136], parameters["fc1.weight"].Shape);
    }

    [Fact]
    public void Initial_HalfWidthCnn_HalvesChannelsAndHiddenUnits()
    {
        var parameters = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Cnn, Width: 0.5), seed: 1);

        Assert.Equal([16, 1, 5, 5], parameters["conv1.weight"].Shape);
        Assert.Equal([256, 7 * 7 * 32], parameters["fc1.weight"].Shape);
    }

    [Fact]
    public void Initial_TinyWidth_KeepsAtLeastOneUnit()
    {
        var parameters = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Mlp2NN, Width: 0.001), seed: 1);

        Assert.Equal([1, 784], parameters["fc1.weight"].Shape);
    }

    [Fact]
    public void Initial_SameSeed_GivesIdenticalValues()
    {
        var spec = new ModelSpec(ModelArchitecture.Mlp2NN);

        var first = ModelInitializer.Initial(spec, seed: 42);
        var second = ModelInitializer.Initial(spec, seed: 42);

        Assert.All(first.Arrays, array => Assert.Equal(array.Values, second[array.Name].Values));
    }

    [Fact]
    public void Initial_DifferentSeeds_GiveDifferentValues()
    {
        var spec = new ModelSpec(ModelArchitecture.Mlp2NN);

        var first = ModelInitializer.Initial(spec, seed: 1);
        var second = ModelInitializer.Initial(spec, seed: 2);

        Assert.NotEqual(first["fc1.weight"].Values, second["fc1.weight"].Values);
    }

    [Fact]
    public void Initial_Paper2NN_FirstLayerWithinOneOverSqrtFanIn()
    {
        var parameters = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Mlp2NN), seed: 1);

        Assert.All(parameters["fc1.weight"].Values, value => Assert.InRange(value, -1 / 28f, 1 / 28f));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ModelSpec_WidthOutsideZeroToOne_ThrowsArgumentOutOfRangeException(double width)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelSpec(ModelArchitecture.Cnn, width));
    }
}
