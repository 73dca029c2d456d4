namespace FedDashboard.Core.Domain.Training;

public enum RoundPhase
{
    Collecting,
    Aggregating,
    Completed,
}
