namespace FedDashboard.Core.Governance;

public enum ModelVersionStatus
{
    PendingApproval,
    Approved,
    Rejected,
    Published,
}
