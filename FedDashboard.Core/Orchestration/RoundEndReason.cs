namespace FedDashboard.Core.Orchestration;

public enum RoundEndReason
{
    AllReported,
    DeadlineReached,
}
