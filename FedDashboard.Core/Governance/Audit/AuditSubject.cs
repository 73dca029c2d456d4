namespace FedDashboard.Core.Governance.Audit;

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
}
