namespace FedDashboard.Core.Orchestration.Training;

/// <summary>Hands the orchestrator's next steps to the job scheduler. Each step may run more than once.</summary>
public interface IRoundScheduler
{
    void StartNextRound(int jobId, TimeSpan delay);
    void AggregateWhenDue(int roundId, DateTimeOffset deadline);
    void AggregateNow(int roundId);
    void RewardRound(int roundId);
}
