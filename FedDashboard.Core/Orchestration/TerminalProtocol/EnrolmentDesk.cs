using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using FedDashboard.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// A terminal enrols with an operator's code and receives its credential, shown this once: the edge keeps only its
/// hash. It may replace the credential later; the old one stops working at once. Both are audited under the terminal's name.
/// </summary>
public sealed class EnrolmentDesk(
    IDbContextFactory<FedDbContext> dbFactory,
    TerminalGate gate,
    IOptions<TerminalOptions> options,
    TimeProvider clock)
{
    /// <summary>The advisory lock that takes enrolments one at a time ("ENRL").</summary>
    private const int EnrolmentLock = 0x454E524C;

    /// <param name="origin">Agent over the network; Simulated only for the dashboard's own fleet in process.</param>
    /// <exception cref="TerminalProtocolException">invalid_request, enrolment_code_invalid, _expired or _used_up.</exception>
    public async Task<Enrolled> EnrolAsync(EnrolRequest request, TerminalOrigin origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (type, tier) = EnrolRequestRules.Check(request, clock.GetUtcNow());
        var codeHash = TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(request.Code ?? ""));
        return await AdmitAsync(request, origin, type, tier, codeHash, ct);
    }

    /// <exception cref="TerminalProtocolException">When the credential does not authenticate.</exception>
    public async Task<Rotated> RotateAsync(string? credential, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        var now = clock.GetUtcNow();
        var secret = TerminalSecrets.NewCredential();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var name = await db.LockTerminalAsync(caller.TerminalId, ct) ?? throw new TerminalProtocolException(ProtocolError.Unauthenticated, "The terminal no longer exists.");
            var current = await db.TerminalCredentials.SingleAsync(c => c.Id == caller.CredentialId, ct);
            if (current.IsRevoked) throw new TerminalProtocolException(ProtocolError.CredentialRevoked, "The credential was revoked while the rotation was asked for.");
            current.Revoke(TerminalCredential.Rotation, "Replaced by the terminal.", now);
            var replacement = new TerminalCredential(caller.TerminalId, TerminalSecrets.Hash(secret), now);
            db.TerminalCredentials.Add(replacement);
            db.Audit(TerminalActor(name), AuditAction.CredentialRotated, AuditSubject.Terminal, caller.TerminalId,
                new { credential = current.Id }, new { credential = "new" }, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        gate.Forget(caller.TerminalId);
        return new Rotated(secret);
    }

    /// <summary>The actor a terminal's own actions are audited under.</summary>
    public static Actor TerminalActor(string terminalName) => new($"terminal:{terminalName}", new HashSet<string>());

    private async Task<Enrolled> AdmitAsync(EnrolRequest request, TerminalOrigin origin, TerminalType type, HardwareTier tier, string codeHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Enrolments race for the code's uses, the next data ordinal and the name; a terminal enrols once, so one at a time costs nothing.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({EnrolmentLock})", ct);
        var code = await db.EnrolmentCodes.SingleOrDefaultAsync(c => c.CodeHash == codeHash, ct)
            ?? throw new TerminalProtocolException(ProtocolError.EnrolmentCodeInvalid, "The enrolment code is not one an operator issued.");
        switch (code.RefusalAt(now))
        {
            case EnrolmentCodeRefusal.Revoked:
                throw new TerminalProtocolException(ProtocolError.EnrolmentCodeInvalid, $"Enrolment code …{code.Hint} was revoked at {code.RevokedAt:u}.");
            case EnrolmentCodeRefusal.Expired:
                throw new TerminalProtocolException(ProtocolError.EnrolmentCodeExpired, $"Enrolment code …{code.Hint} expired at {code.ExpiresAt:u}.");
            case EnrolmentCodeRefusal.UsedUp:
                throw new TerminalProtocolException(ProtocolError.EnrolmentCodeUsedUp, $"Enrolment code …{code.Hint} has been used all {code.MaxUses} times it allows.");
        }
        var edge = await db.EdgeServers.AsNoTracking().SingleAsync(e => e.Id == code.EdgeId, ct);
        var ordinal = await db.Terminals.MaxAsync(t => (int?)t.DataOrdinal, ct) is { } highest ? highest + 1 : 0;
        var name = await db.Terminals.AnyAsync(t => t.Name == request.Name, ct) ? $"{request.Name}-{ordinal}" : request.Name;

        code.Use(now);
        var terminal = new Terminal(name, ordinal, type, tier, edge.CenterX, edge.CenterY, origin, request.AgentVersion);
        terminal.DescribeData(request.App, request.DataSamples, request.DataAnonymized, request.DataUpdatedAt);
        db.Terminals.Add(terminal);
        await db.SaveChangesAsync(ct);

        var secret = TerminalSecrets.NewCredential();
        db.TerminalCredentials.Add(new TerminalCredential(terminal.Id, TerminalSecrets.Hash(secret), now));
        db.Audit(TerminalActor(name), AuditAction.TerminalEnrolled, AuditSubject.Terminal, terminal.Id, null,
            new { terminal.Name, Origin = origin.ToString(), Type = type.ToString(), Tier = tier.ToString(), Edge = edge.Name, Code = code.Hint }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Enrolled(terminal.Id, secret, edge.Id, edge.CenterX, edge.CenterY, options.Value.HeartbeatSeconds);
    }
}
