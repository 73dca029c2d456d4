namespace FedDashboard.Core.Domain.Training;

public enum JobStatus
{
    Running,

    /// <summary>An operator paused the job: no new round starts; a round already started finishes.</summary>
    Paused,

    Completed,
    Aborted,
}
