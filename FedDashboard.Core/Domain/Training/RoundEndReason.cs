namespace FedDashboard.Core.Domain.Training;

public enum RoundEndReason
{
    AllReported,
    DeadlineReached,

    /// <summary>The job was aborted while the round collected: it ended without aggregating.</summary>
    JobAborted,
}
