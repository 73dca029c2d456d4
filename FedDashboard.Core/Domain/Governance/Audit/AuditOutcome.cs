using FedDashboard.Core.Orchestration.Governance.Audit;


namespace FedDashboard.Core.Domain.Governance.Audit;

public enum AuditOutcome
{
    Done,

    /// <summary>Refused for the actor's roles or part in the matter; nothing changed.</summary>
    Refused,
}
