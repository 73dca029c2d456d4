using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Segments;


namespace FedDashboard.Tests.Core.Learning;

public sealed class ModelSegmentsTests
{
    [Fact]
    public void Of_Mlp2NN_ReturnsItsThreeLayersInOrder()
    {
        var segments = ModelSegments.Of(ModelArchitecture.Mlp2NN);

        Assert.Equal(["fc1", "fc2", "fc3"], segments);
    }

    [Fact]
    public void Of_Cnn_ReturnsItsFourLayersInOrder()
    {
        var segments = ModelSegments.Of(ModelArchitecture.Cnn);

        Assert.Equal(["conv1", "conv2", "fc1", "fc2"], segments);
    }

    [Theory]
    [InlineData("fc2.weight", "fc2")]
    [InlineData("conv1.bias", "conv1")]
    public void SegmentOf_ParameterName_ReturnsItsLayer(string parameterName, string expected)
    {
        var segment = ModelSegments.SegmentOf(parameterName);

        Assert.Equal(expected, segment);
    }

    [Theory]
    [InlineData("weight")]
    [InlineData(".weight")]
    public void SegmentOf_NameWithoutLayer_ThrowsArgumentException(string parameterName)
    {
        Assert.Throws<ArgumentException>(() => ModelSegments.SegmentOf(parameterName));
    }
}
