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
    public async Task<Enrolled> EnrolAsync(EnrolRequest request, TerminalOrigin origin, CancellationToken ct) =>
        (await EnrolAllAsync([request], origin, ct))[0];

    /// <summary>
    /// Enrols the terminals of <paramref name="requests"/> together, each as <see cref="EnrolAsync"/> would, in one transaction:
    /// the dashboard's own fleet joins in thousands, not one by one. Any request refused refuses them all.
    /// </summary>
    /// <exception cref="TerminalProtocolException">The first refusal, as <see cref="EnrolAsync"/> gives it.</exception>
    public async Task<IReadOnlyList<Enrolled>> EnrolAllAsync(IReadOnlyList<EnrolRequest> requests, TerminalOrigin origin, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var checkedRequests = requests.Select(request =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var (type, tier) = EnrolRequestRules.Check(request, now);
            return new Admission(request, type, tier, TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(request.Code ?? "")));
        }).ToList();
        return await AdmitAsync(checkedRequests, origin, ct);
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

    private sealed record Admission(EnrolRequest Request, TerminalType Type, HardwareTier Tier, string CodeHash);

    private async Task<IReadOnlyList<Enrolled>> AdmitAsync(IReadOnlyList<Admission> admissions, TerminalOrigin origin, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Enrolments race for the code's uses, the next data ordinal and the name; a terminal enrols once, so one at a time costs nothing.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({EnrolmentLock})", ct);
        string[] codeHashes = [.. admissions.Select(a => a.CodeHash).Distinct()];
        var codes = await db.EnrolmentCodes.Where(c => codeHashes.Contains(c.CodeHash)).ToDictionaryAsync(c => c.CodeHash, ct);
        var edgeIds = codes.Values.Select(c => c.EdgeId).Distinct().ToList();
        var edges = await db.EdgeServers.AsNoTracking().Where(e => edgeIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var nextOrdinal = await db.Terminals.MaxAsync(t => (int?)t.DataOrdinal, ct) is { } highest ? highest + 1 : 0;
        string[] asked = [.. admissions.Select(a => a.Request.Name)];
        var takenNames = (await db.Terminals.Where(t => asked.Contains(t.Name)).Select(t => t.Name).ToListAsync(ct)).ToHashSet();

        var admitted = new List<(Terminal Terminal, EdgeServer Edge, EnrolmentCode Code, string Secret)>(admissions.Count);
        foreach (var (request, type, tier, codeHash) in admissions)
        {
            var code = codes.GetValueOrDefault(codeHash) ?? throw new TerminalProtocolException(ProtocolError.EnrolmentCodeInvalid, "The enrolment code is not one an operator issued.");
            Refuse(code, now);
            var edge = edges[code.EdgeId];
            var ordinal = nextOrdinal++;
            var name = takenNames.Add(request.Name) ? request.Name : $"{request.Name}-{ordinal}";
            takenNames.Add(name);
            code.Use(now);
            var terminal = new Terminal(name, ordinal, type, tier, edge.CenterX, edge.CenterY, origin, request.AgentVersion);
            terminal.DescribeData(request.App, request.DataSamples, request.DataAnonymized, request.DataUpdatedAt);
            db.Terminals.Add(terminal);
            admitted.Add((terminal, edge, code, TerminalSecrets.NewCredential()));
        }
        await db.SaveChangesAsync(ct);

        var credentials = admitted.ToDictionary(a => a.Terminal.Id, a => new TerminalCredential(a.Terminal.Id, TerminalSecrets.Hash(a.Secret), now));
        db.TerminalCredentials.AddRange(credentials.Values);
        foreach (var (terminal, edge, code, _) in admitted)
        {
            db.Audit(TerminalActor(terminal.Name), AuditAction.TerminalEnrolled, AuditSubject.Terminal, terminal.Id, null,
                new { terminal.Name, Origin = origin.ToString(), Type = terminal.Type.ToString(), Tier = terminal.Tier.ToString(), Edge = edge.Name, Code = code.Hint }, now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Issued just now: a terminal's first calls need no query.
        gate.Trust(admitted.Select(a => (a.Terminal.Id, credentials[a.Terminal.Id].Id, credentials[a.Terminal.Id].SecretHash)));
        return [.. admitted.Select(a => new Enrolled(a.Terminal.Id, a.Secret, a.Edge.Id, a.Edge.CenterX, a.Edge.CenterY, options.Value.HeartbeatSeconds))];
    }

    /// <exception cref="TerminalProtocolException">The code is revoked, expired or used up.</exception>
    private static void Refuse(EnrolmentCode code, DateTimeOffset now)
    {
        switch (code.RefusalAt(now))
        {
            case EnrolmentCodeRefusal.Revoked:
                throw new TerminalProtocolException(ProtocolError.EnrolmentCodeInvalid, $"Enrolment code …{code.Hint} was revoked at {code.RevokedAt:u}.");
            case EnrolmentCodeRefusal.Expired:
                throw new TerminalProtocolException(ProtocolError.EnrolmentCodeExpired, $"Enrolment code …{code.Hint} expired at {code.ExpiresAt:u}.");
            case EnrolmentCodeRefusal.UsedUp:
                throw new TerminalProtocolException(ProtocolError.EnrolmentCodeUsedUp, $"Enrolment code …{code.Hint} has been used all {code.MaxUses} times it allows.");
        }
    }
}
