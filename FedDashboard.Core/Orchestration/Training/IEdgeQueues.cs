namespace FedDashboard.Core.Orchestration.Training;

/// <summary>Whether an edge's work (its selection, evaluation and aggregation, its simulated terminals' training) runs on the edge's own queue.</summary>
public interface IEdgeQueues
{
    /// <returns>
    /// True when a live edge node serves the edge's queue. Only then does the edge's work run on its queue: a full node
    /// that took the queue over would read the same database as the central steps, which do the edge's part themselves
    /// instead, and train its simulated terminals on the training queue with the other edges'.
    /// </returns>
    bool HasEdgeNode(int edgeId);
}
