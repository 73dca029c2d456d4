namespace FedDashboard.Core.Orchestration;

public enum RoundPhase
{
    Collecting,
    Aggregating,
    Completed,
}
