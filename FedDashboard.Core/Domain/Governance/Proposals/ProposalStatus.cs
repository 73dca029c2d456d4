namespace FedDashboard.Core.Domain.Governance.Proposals;

public enum ProposalStatus
{
    /// <summary>Waits for an approver other than the proposer; the job runs under its policy meanwhile.</summary>
    Pending,

    Accepted,
    Rejected,

    /// <summary>The job's policy changed before anyone decided, so the proposal no longer applies; propose again.</summary>
    Superseded,
}
