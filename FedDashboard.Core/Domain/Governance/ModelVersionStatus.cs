namespace FedDashboard.Core.Domain.Governance;

/// <summary>
/// Where a central model stands. Which approved version edges hand out is the job's <c>PublishedVersionId</c>, not a
/// status, so exactly one version per job is published.
/// </summary>
public enum ModelVersionStatus
{
    PendingApproval,
    Approved,
    Rejected,

    /// <summary>A candidate that missed the job's promotion criterion; kept with the reason, never a version.</summary>
    NotPromoted,
}
