using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The dashboard's own terminals (origin Simulated) join like any other, with enrolment codes the system issues for
/// itself. Their credentials live in the process's memory as a device keeps its own; the edge keeps only hashes, so
/// after a restart the system issues them new ones. Never an agent's: an agent keeps its credential and enrols itself.
/// Both are audited as the system.
/// </summary>
public sealed class OwnFleetEnrolment(IDbContextFactory<FedDbContext> dbFactory, TerminalGate gate, TimeProvider clock)
{
    private static readonly TimeSpan CodeValidity = TimeSpan.FromHours(1);

    /// <returns>A code for <paramref name="uses"/> enrolments with the edge, valid for an hour.</returns>
    public async Task<string> IssueCodeAsync(int edgeId, int uses, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var code = TerminalSecrets.NewEnrolmentCode();
        var issued = new EnrolmentCode(edgeId, TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(code)), TerminalSecrets.HintOf(code), Actor.System.Name,
            now, now + CodeValidity, uses);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EnrolmentCodes.Add(issued);
        await db.SaveChangesAsync(ct);
        db.Audit(Actor.System, AuditAction.EnrolmentCodeCreated, AuditSubject.EnrolmentCode, issued.Id, null,
            new { Edge = edgeId, Code = issued.Hint, issued.MaxUses, issued.ExpiresAt }, now, "For the dashboard's simulated fleet.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return code;
    }

    /// <summary>Revokes every credential of the simulated terminals and issues each a new one.</summary>
    /// <returns>The new credentials by terminal id; empty when there is no simulated terminal.</returns>
    public async Task<IReadOnlyDictionary<int, string>> ReissueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var terminalIds = await db.Terminals.Where(t => t.Origin == TerminalOrigin.Simulated).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        if (terminalIds.Count == 0) return new Dictionary<int, string>();
        var previous = await db.TerminalCredentials
            .Where(c => c.RevokedAt == null && db.Terminals.Any(t => t.Id == c.TerminalId && t.Origin == TerminalOrigin.Simulated))
            .ToListAsync(ct);
        foreach (var credential in previous) credential.Revoke(Actor.System.Name, "Re-issued at the dashboard's start: a simulated terminal's credential lives only in the process's memory.", now);
        var issued = terminalIds.ToDictionary(id => id, _ => TerminalSecrets.NewCredential());
        db.TerminalCredentials.AddRange(issued.Select(i => new TerminalCredential(i.Key, TerminalSecrets.Hash(i.Value), now)));
        db.Audit(Actor.System, AuditAction.FleetCredentialsReissued, AuditSubject.Terminal, "simulated", new { Revoked = previous.Count }, new { Issued = issued.Count },
            now, $"New credentials for the {issued.Count} simulated terminals; agents keep theirs.");
        await db.SaveChangesAsync(ct);
        foreach (var terminalId in terminalIds) gate.Forget(terminalId);
        return issued;
    }
}
