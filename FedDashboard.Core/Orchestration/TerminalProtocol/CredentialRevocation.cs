using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// An operator revokes every active credential of a terminal, with a reason; the terminal's next call is refused and
/// it has to enrol again with a new code. This node's gate forgets the terminal's checked credentials at once; another node's
/// keeps them for at most its credential cache time. Audited, and refused and audited for anyone without the operator role.
/// </summary>
/// <exception cref="AccessDeniedException">The actor may not operate; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="InvalidInputException">No reason, or one too long; nothing changes.</exception>
/// <exception cref="NotFoundException">No such terminal.</exception>
/// <exception cref="ConflictException">The terminal has no active credential; nothing changes.</exception>
public sealed class CredentialRevocation(IDbContextFactory<FedDbContext> dbFactory, TerminalGate gate, TimeProvider clock)
{
    /// <returns>The credentials it revoked.</returns>
    public async Task<IReadOnlyList<TerminalCredential>> RevokeAsync(Actor actor, int terminalId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"revoke the credentials of terminal {terminalId} without the operator role", AuditAction.CredentialRevoked,
            AuditSubject.Terminal, terminalId, now, ct);
        var why = TextInput.Required(reason, TerminalCredential.RevokeReasonMaxLength, "reason", "A reason",
            "Say why the terminal's credentials are revoked; its owner and other operators read it on the terminal's page.");

        // Two operators revoking at once: the second waits here, then finds nothing active.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var name = await db.LockTerminalAsync(terminalId, ct) ?? throw new NotFoundException($"There is no terminal {terminalId}.");
        var active = await db.TerminalCredentials.Where(c => c.TerminalId == terminalId && c.RevokedAt == null).OrderBy(c => c.Id).ToListAsync(ct);
        if (active.Count == 0) throw new ConflictException($"Terminal {name} has no active credential to revoke.");

        var before = active.Select(TerminalCredentialState.Of).ToList();
        foreach (var credential in active) credential.Revoke(actor.Name, why, now);
        db.Audit(actor, AuditAction.CredentialRevoked, AuditSubject.Terminal, terminalId, before, active.Select(TerminalCredentialState.Of).ToList(), now, why);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        gate.Forget(terminalId);
        return active;
    }
}
