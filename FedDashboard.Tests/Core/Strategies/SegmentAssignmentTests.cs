using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Tests.Core.Strategies;

public sealed class SegmentAssignmentTests
{
    private static readonly string[] Layers = ["fc1", "fc2", "fc3"];

    [Fact]
    public void For_PerTerminal_RotatesBySelectionOrderAndRound()
    {
        var round2 = Enumerable.Range(0, 4).Select(i => SegmentAssignment.For(Segmentation.PerTerminal, Layers, roundNumber: 2, edgeIndex: 0, participantIndex: i));

        Assert.Equal(["fc3", "fc1", "fc2", "fc3"], round2);
    }

    [Fact]
    public void For_PerEdge_SameLayerForAnEdgeWhateverTheParticipant()
    {
        var edge1 = Enumerable.Range(0, 3).Select(i => SegmentAssignment.For(Segmentation.PerEdge, Layers, roundNumber: 1, edgeIndex: 1, participantIndex: i));

        Assert.Equal(["fc3", "fc3", "fc3"], edge1);
    }

    [Fact]
    public void For_NoSegmentation_Null()
    {
        Assert.Null(SegmentAssignment.For(Segmentation.None, Layers, roundNumber: 1, edgeIndex: 0, participantIndex: 0));
    }
}
