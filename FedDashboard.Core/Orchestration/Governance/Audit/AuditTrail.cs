using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Persistence;
using System.Text.Json;

namespace FedDashboard.Core.Orchestration.Governance.Audit;

/// <summary>
/// Adds audit rows to a context, so a change and its record commit in the same SaveChanges; a refusal is saved on
/// its own because nothing else changes.
/// </summary>
public static class AuditTrail
{
    /// <param name="before">The state before, serialized by its runtime type; null when the thing is new.</param>
    public static void Audit(this FedDbContext db, Actor actor, AuditAction action, AuditSubject subject, object subjectId,
        object? before, object? after, DateTimeOffset at, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry(at, actor.Name, action, subject, subjectId.ToString()!, AuditOutcome.Done, detail,
            Serialize(before), Serialize(after)));

    /// <summary>
    /// Refuses an action the actor may not take: records the refusal and throws. Call it before changing anything,
    /// since it saves the context.
    /// </summary>
    /// <param name="what">What was refused, completing "{actor} may not ...".</param>
    /// <exception cref="AccessDeniedException">When <paramref name="allowed"/> is false.</exception>
    public static async Task DemandAsync(this FedDbContext db, Actor actor, bool allowed, string what, AuditAction action,
        AuditSubject subject, object subjectId, DateTimeOffset at, CancellationToken ct)
    {
        if (allowed) return;
        var reason = $"{actor.Name} may not {what}.";
        db.AuditEntries.Add(new AuditEntry(at, actor.Name, action, subject, subjectId.ToString()!, AuditOutcome.Refused, reason, null, null));
        await db.SaveChangesAsync(ct);
        throw new AccessDeniedException(reason);
    }

    private static string? Serialize(object? state) => state is null ? null : JsonSerializer.Serialize(state, state.GetType(), JsonColumns.Options);
}
