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
    SignedIn,
    SignInFailed,
    RewardCorrected,
    PayoutBatchCreated,
    PayoutBatchApproved,
    PayoutBatchRejected,
    PayoutBatchPaid,
    PolicyProposed,
    PolicyProposalAccepted,
    PolicyProposalRejected,
    PolicyProposalSuperseded,
    CorrectionAccepted,
    CorrectionRejected,
}
