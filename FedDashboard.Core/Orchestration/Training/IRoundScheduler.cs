namespace FedDashboard.Core.Orchestration.Training;

/// <summary>Hands the orchestrator's next steps to the job scheduler. Each step may run more than once.</summary>
public interface IRoundScheduler
{
    void StartNextRound(int jobId, TimeSpan delay);
    /// <summary>One edge's step of starting the round, its selection, on the edge's own queue (see <see cref="IEdgeQueues"/>).</summary>
    void SelectEdge(int roundId, int edgeId);

    void AggregateWhenDue(int roundId, DateTimeOffset deadline);
    void AggregateNow(int roundId);

    /// <summary>One edge's step of ending the round, on the edge's own queue (see <see cref="IEdgeQueues"/>).</summary>
    void AggregateEdge(int roundId, int edgeId);

    /// <summary>The central step after an edge's step.</summary>
    void CombineRound(int roundId);
    void RewardRound(int roundId);
}
