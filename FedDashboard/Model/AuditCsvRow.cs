using CsvHelper;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;

namespace FedDashboard.Model;

/// <summary>
/// One audit row as the CSV export writes it (CsvHelper generates the mapping at compile time). An empty optional
/// field reads back as absent, as it was stored.
/// </summary>
[CsvRecord]
public sealed partial record AuditCsvRow(long Id, DateTimeOffset At, string Actor, AuditAction Action, AuditSubject Subject, string SubjectId,
    AuditOutcome Outcome, [CsvNullValues("")] string? Detail, [CsvNullValues("")] string? Before, [CsvNullValues("")] string? After)
{
    public static AuditCsvRow Of(AuditEntry e) => new(e.Id, e.At, e.Actor, e.Action, e.Subject, e.SubjectId, e.Outcome, e.Detail, e.Before, e.After);
}
