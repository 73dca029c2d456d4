using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Simulation;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Governance.Audit;

/// <summary>Which audit rows to show or export; an empty field does not filter.</summary>
public sealed record AuditFilter
{
    /// <summary>Part of the actor's name, any case.</summary>
    public string? Actor { get; init; }

    public AuditAction? Action { get; init; }
    public AuditSubject? Subject { get; init; }
    public string? SubjectId { get; init; }
    public AuditOutcome? Outcome { get; init; }
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Why the filter cannot be applied, or null.</summary>
    public string? Problem => From is { } from && To is { } to && from >= to
        ? $"The period is empty or inverted: 'from' ({from:yyyy-MM-dd HH:mm}) must be before 'to' ({to:yyyy-MM-dd HH:mm})."
        : null;

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var pattern = $"%{Actor.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            entries = entries.Where(e => EF.Functions.ILike(e.Actor, pattern));
        }
        if (Action is { } action) entries = entries.Where(e => e.Action == action);
        if (Subject is { } subject) entries = entries.Where(e => e.Subject == subject);
        if (!string.IsNullOrWhiteSpace(SubjectId)) entries = entries.Where(e => e.SubjectId == SubjectId.Trim());
        if (Outcome is { } outcome) entries = entries.Where(e => e.Outcome == outcome);
        if (From is { } from) entries = entries.Where(e => e.At >= from);
        if (To is { } to) entries = entries.Where(e => e.At < to);
        return entries;
    }
}
