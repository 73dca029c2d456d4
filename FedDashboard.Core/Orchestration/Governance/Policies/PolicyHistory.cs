using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance.Policies;

/// <summary>
/// A policy's version history, read from the audit log: every change is audited with the policy before and after in
/// the same commit (an accepted proposal too), so the log is the history and nothing is stored twice.
/// </summary>
public static class PolicyHistory
{
    public static Task<List<PolicyRevisionRecord>> PolicyHistoryAsync(this FedDbContext db, AuditSubject subject, int id, CancellationToken ct = default)
    {
        var subjectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries
            .Where(e => (e.Action == AuditAction.PolicyChanged || e.Action == AuditAction.PolicyProposalAccepted) && e.Outcome == AuditOutcome.Done && e.Subject == subject && e.SubjectId == subjectId)
            .OrderByDescending(e => e.Id)
            .Select(e => new PolicyRevisionRecord(e.At, e.Actor, e.Detail, e.Before, e.After))
            .ToListAsync(ct);
    }
}
