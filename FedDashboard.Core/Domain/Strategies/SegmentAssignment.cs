using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Segments;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// Which layer a participant trains in a segmented job. The round number turns the rotation, so every
/// layer gets trained over the rounds even when an edge or a participant position keeps the same index.
/// </summary>
public static class SegmentAssignment
{
    /// <param name="segments">The architecture's layers (<see cref="Learning.ModelSegments.Of"/>).</param>
    /// <param name="edgeIndex">The edge's position among all edges ordered by id.</param>
    /// <param name="participantIndex">The participant's position in the round's selection order.</param>
    /// <returns>Null when the job does not segment: the participant trains the whole model.</returns>
    public static string? For(Segmentation segmentation, IReadOnlyList<string> segments, int roundNumber, int edgeIndex, int participantIndex)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segmentation switch
        {
            Segmentation.None => null,
            Segmentation.PerTerminal => segments[(participantIndex + roundNumber) % segments.Count],
            Segmentation.PerEdge => segments[(edgeIndex + roundNumber) % segments.Count],
            _ => throw new ArgumentOutOfRangeException(nameof(segmentation), segmentation, "Unknown segmentation."),
        };
    }
}
