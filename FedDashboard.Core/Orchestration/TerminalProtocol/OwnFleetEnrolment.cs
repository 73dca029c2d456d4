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
/// itself. Their credentials are derived from the fleet's key (<see cref="FleetCredentialKey"/>), so every node can
/// compute them and a node's start revokes no other node's; the edge keeps only hashes. Never an agent's: an agent
/// keeps its credential and enrols itself. Both are audited as the system.
/// </summary>
public sealed class OwnFleetEnrolment(IDbContextFactory<FedDbContext> dbFactory, FleetCredentialKey fleetKey, TerminalGate gate, TimeProvider clock)
{
    private static readonly TimeSpan CodeValidity = TimeSpan.FromHours(1);

    /// <summary>The advisory lock that lets one node at a time issue the fleet's credentials ("FLTC").</summary>
    private const int CredentialsLock = 0x464C5443;

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

    /// <summary>
    /// Gives every simulated terminal a credential derived from the fleet's key: one it has is kept, any other (random, as
    /// issued at enrolment or before credentials were derived) is revoked, and a terminal left without one gets a new one.
    /// Set-based: one UPDATE revokes and one INSERT issues, whatever the fleet's size; only the hashes are compared here.
    /// </summary>
    /// <returns>Each simulated terminal's credential by id; empty when there is no simulated terminal.</returns>
    public async Task<IReadOnlyDictionary<int, string>> EnsureDerivedAsync(CancellationToken ct)
    {
        // Stored to the millisecond, so that the issue time read back derives the same credential.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CredentialsLock})", ct);
        var key = await fleetKey.ReadAsync(db, ct);
        var terminalIds = await db.Terminals.Where(t => t.Origin == TerminalOrigin.Simulated).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        var active = await db.TerminalCredentials.AsNoTracking()
            .Where(c => c.RevokedAt == null && db.Terminals.Any(t => t.Id == c.TerminalId && t.Origin == TerminalOrigin.Simulated))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.TerminalId, c.SecretHash, c.IssuedAt })
            .ToListAsync(ct);
        var credentials = new Dictionary<int, string>();
        var trusted = new List<(int TerminalId, int CredentialId, string Hash)>();
        var revoked = new List<(int TerminalId, int CredentialId)>();
        foreach (var credential in active)
        {
            var derived = TerminalSecrets.DerivedCredential(key, credential.TerminalId, credential.IssuedAt);
            if (TerminalSecrets.Hash(derived) != credential.SecretHash) revoked.Add((credential.TerminalId, credential.Id));
            else if (credentials.TryAdd(credential.TerminalId, derived)) trusted.Add((credential.TerminalId, credential.Id, credential.SecretHash));
        }
        int[] revokedIds = [.. revoked.Select(r => r.CredentialId)];
        await db.TerminalCredentials.Where(c => revokedIds.Contains(c.Id) && c.RevokedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.RevokedAt, now)
            .SetProperty(c => c.RevokedBy, Actor.System.Name)
            .SetProperty(c => c.RevokeReason, "Replaced by a credential derived from the fleet's key, which every node can compute."), ct);

        var issued = terminalIds.Where(id => !credentials.ContainsKey(id)).ToDictionary(id => id, id => TerminalSecrets.DerivedCredential(key, id, now));
        int[] issuedTerminals = [.. issued.Keys];
        string[] issuedHashes = [.. issued.Values.Select(TerminalSecrets.Hash)];
        var added = await db.Database.SqlQuery<IssuedCredential>($"""
            INSERT INTO "TerminalCredentials" ("TerminalId", "SecretHash", "IssuedAt")
            SELECT n.terminal, n.hash, {now} FROM unnest({issuedTerminals}, {issuedHashes}) AS n(terminal, hash)
            RETURNING "Id", "TerminalId", "SecretHash"
            """).ToListAsync(ct);
        if (issued.Count > 0 || revoked.Count > 0)
        {
            db.Audit(Actor.System, AuditAction.FleetCredentialsReissued, AuditSubject.Terminal, "simulated", new { Revoked = revoked.Count }, new { Issued = issued.Count },
                now, $"Credentials derived from the fleet's key for {issued.Count} simulated terminals; agents keep theirs.");
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        gate.Forget(revoked.Select(r => r.TerminalId));
        // Just read or written active: the fleet's first heartbeats need no query each.
        gate.Trust(trusted.Concat(added.Select(c => (c.TerminalId, c.Id, c.SecretHash))));
        foreach (var (terminalId, credential) in issued) credentials[terminalId] = credential;
        return credentials;
    }

    private sealed record IssuedCredential(int Id, int TerminalId, string SecretHash);
}
