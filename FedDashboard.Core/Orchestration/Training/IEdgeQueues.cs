namespace FedDashboard.Core.Orchestration.Training;

/// <summary>Whether an edge's work (its selection, evaluation and aggregation, its simulated terminals' training) runs on the edge's own queue.</summary>
public interface IEdgeQueues
{
    /// <returns>True when some live node serves the edge's queue; false: the work stays with the central steps.</returns>
    bool IsServed(int edgeId);

    /// <returns>
    /// True when a live edge node serves the edge's queue. Only then do the edge's selection and its evaluation and
    /// aggregation run on its queue: a full node that took the queue over would read the same database as the central
    /// steps, which do the edge's part themselves instead.
    /// </returns>
    bool HasEdgeNode(int edgeId);
}
