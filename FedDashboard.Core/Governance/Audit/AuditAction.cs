namespace FedDashboard.Core.Governance.Audit;

public enum AuditAction
{
    PolicyChanged,
    JobStarted,
    JobPaused,
    JobResumed,
    JobAborted,
    VersionApproved,
    VersionRejected,
    VersionPublished,
    VersionRolledBack,
    UserCreated,
    RolesChanged,
    UserDisabled,
    UserEnabled,
    SignedIn,
    SignInFailed,
    RewardCorrected,
    PayoutBatchCreated,
    PayoutBatchApproved,
    PayoutBatchRejected,
    PayoutBatchPaid,
}
