namespace FedDashboard.Core.Orchestration;

public enum JobStatus
{
    Running,
    Completed,
    Aborted,
}
