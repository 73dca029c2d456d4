using FedDashboard.Core.Orchestration.Governance.Audit;


namespace FedDashboard.Core.Domain.Governance.Audit;

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
    PolicyProposed,
    PolicyProposalAccepted,
    PolicyProposalRejected,
    PolicyProposalSuperseded,
    CorrectionAccepted,
    CorrectionRejected,
    TerminalEnrolled,
    CredentialRotated,
    CredentialRevoked,

    /// <summary>At its start, the dashboard gave its own simulated terminals new credentials (it keeps them only in memory).</summary>
    FleetCredentialsReissued,
    EnrolmentCodeCreated,
    EnrolmentCodeRevoked,
    ClientRegistered,
    ClientEdited,
    ClientSuspended,
    ClientResumed,
    ClientKeyIssued,
    ClientKeyRotated,
    ClientKeyRevoked,
    TrainingRequestSubmitted,
    TrainingRequestCancelled,

    /// <summary>A request met its condition or failed (deadline, budget, its job's end), as its job's state showed.</summary>
    TrainingRequestEnded,

    /// <summary>An operator sent a request's callback again, as a new delivery of the same body.</summary>
    CallbackResent,

    /// <summary>An administrator was shown a client's callback signing secret (once per secret).</summary>
    SigningSecretShown,

    /// <summary>An administrator replaced a client's callback signing secret with a new one.</summary>
    SigningSecretRotated,

    /// <summary>A request or page action refused for bad input, an illegal move or a cross-site origin (<see cref="RefusalLog"/>).</summary>
    RequestRefused,
}
