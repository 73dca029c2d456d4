using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;


namespace FedDashboard.Core.Domain.Governance.Audit;

/// <summary>
/// One operator action: who, when, what, about what, and the state before and after as JSON. Append-only: the
/// database refuses updates and deletes of these rows.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() => (Actor, SubjectId) = ("", "");

    public AuditEntry(DateTimeOffset at, string actor, AuditAction action, AuditSubject subject, string subjectId,
        AuditOutcome outcome, string? detail, string? before, string? after)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        At = at;
        Actor = actor;
        Action = action;
        Subject = subject;
        SubjectId = subjectId;
        Outcome = outcome;
        Detail = detail;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; }
    public AuditAction Action { get; private set; }
    public AuditSubject Subject { get; private set; }
    public string SubjectId { get; private set; }
    public AuditOutcome Outcome { get; private set; }

    /// <summary>A comment, or why the action was refused.</summary>
    public string? Detail { get; private set; }

    public string? Before { get; private set; }
    public string? After { get; private set; }
}
