namespace FedDashboard.Core.Orchestration.Training;

/// <summary>Whether an edge's work (its evaluation and aggregation, its simulated terminals' training) runs on the edge's own queue.</summary>
public interface IEdgeQueues
{
    /// <returns>True when some live node serves the edge's queue; false: the work stays with the central steps.</returns>
    bool IsServed(int edgeId);
}
