using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Tests.Core.Strategies;

public sealed class TrainedPartTests
{
    [Fact]
    public void Union_SegmentedParts_WidestWidthAndEveryLayer()
    {
        var union = TrainedPart.Union([TrainedPart.Of(0.5, "fc1"), TrainedPart.Of(0.25, "fc2"), TrainedPart.Of(0.5, "fc1")]);

        Assert.Equal(0.5, union.Width);
        Assert.Equal(["fc1", "fc2"], union.Segments!.Order());
    }

    [Fact]
    public void Union_OnePartTrainedEveryLayer_EveryLayer()
    {
        var union = TrainedPart.Union([TrainedPart.Of(0.25, "fc1"), TrainedPart.Of(0.25, null)]);

        Assert.Null(union.Segments);
    }
}
