namespace FedDashboard.Core.Orchestration;

public enum ParticipantStatus
{
    Assigned,
    Training,
    Reported,
    TimedOut,
    Failed,
}
