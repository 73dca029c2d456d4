using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Governance.Audit;


namespace FedDashboard.Core.Domain.Governance.Audit;

/// <summary>The kind of thing an audited action was about; with its id it names the thing.</summary>
public enum AuditSubject
{
    Job,
    Edge,
    ModelVersion,
    User,
    RewardPolicy,
    RewardEntry,
    PayoutBatch,
    Terminal,
    EnrolmentCode,
    Client,
    ClientKey,
    TrainingRequest,

    /// <summary>An HTTP request or a page action; the id says which (method and path, or page and action).</summary>
    Request,
}
