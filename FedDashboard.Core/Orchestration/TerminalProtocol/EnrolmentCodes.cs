using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// Operators make enrolment codes for an edge and revoke them; anyone signed in lists them. A new code's text is
/// returned once and never stored: only its hash is kept. Each step, and each refusal for roles, is audited in the
/// commit that makes it.
/// </summary>
/// <exception cref="AccessDeniedException">The actor may not operate; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="InvalidInputException">A validity or a number of uses out of range; nothing changes.</exception>
/// <exception cref="NotFoundException">No such edge or code.</exception>
/// <exception cref="ConflictException">The code was revoked already, or kept changing under every attempt; nothing changes.</exception>
public sealed class EnrolmentCodes(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The subject id of a refused creation, which has no code to name.</summary>
    public const string NewCode = "new";

    /// <summary>The most recent codes the list shows.</summary>
    public const int Listed = 200;

    /// <summary>Terminals enrolling at the same moment change the code's row; a revocation is then tried on the new state.</summary>
    private const int Attempts = 3;

    public static double LongestValidityHours => EnrolmentCode.LongestValidity.TotalHours;

    /// <param name="validForHours">From now; more than 0 and at most <see cref="EnrolmentCode.LongestValidity"/>.</param>
    /// <param name="maxUses">How many terminals may enrol with it, 1 to <see cref="EnrolmentCode.MaxUsesLimit"/>.</param>
    public async Task<IssuedEnrolmentCode> CreateAsync(Actor actor, int edgeId, double validForHours, int maxUses, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"create an enrolment code for edge {edgeId} without the operator role", AuditAction.EnrolmentCodeCreated,
            AuditSubject.EnrolmentCode, NewCode, now, ct);
        if (!double.IsFinite(validForHours) || validForHours <= 0 || validForHours > LongestValidityHours)
            throw new InvalidInputException(
                $"A code is valid for more than 0 and at most {LongestValidityHours:0} hours ({EnrolmentCode.LongestValidity.TotalDays:0} days); was {validForHours.ToString(CultureInfo.InvariantCulture)}.",
                "validForHours");
        if (maxUses is < 1 or > EnrolmentCode.MaxUsesLimit)
            throw new InvalidInputException($"A code is used by 1 to {EnrolmentCode.MaxUsesLimit:N0} terminals; was {maxUses}.", "maxUses");
        if (!await db.EdgeServers.AnyAsync(e => e.Id == edgeId, ct)) throw new NotFoundException($"There is no edge {edgeId}.");

        var text = TerminalSecrets.NewEnrolmentCode();
        var code = new EnrolmentCode(edgeId, TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(text)), TerminalSecrets.HintOf(text), actor.Name,
            now, now.AddHours(validForHours), maxUses);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EnrolmentCodes.Add(code);
        await db.SaveChangesAsync(ct);
        db.Audit(actor, AuditAction.EnrolmentCodeCreated, AuditSubject.EnrolmentCode, code.Id, null, EnrolmentCodeState.Of(code), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IssuedEnrolmentCode(code, text);
    }

    /// <summary>The most recent codes first, with their status now.</summary>
    public async Task<IReadOnlyList<EnrolmentCodeListing>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var codes = await db.EnrolmentCodes.AsNoTracking()
            .Join(db.EdgeServers, c => c.EdgeId, e => e.Id, (c, e) => new { Code = c, Edge = e.Name })
            .OrderByDescending(x => x.Code.CreatedAt).ThenByDescending(x => x.Code.Id)
            .Take(Listed)
            .ToListAsync(ct);
        return [.. codes.Select(x => EnrolmentCodeListing.Of(x.Code, x.Edge, now))];
    }

    /// <summary>No terminal enrols with the code from now on; terminals that enrolled with it keep their credentials.</summary>
    public Task<EnrolmentCode> RevokeAsync(Actor actor, int codeId, CancellationToken ct = default) =>
        OptimisticRetry.RunAsync(Attempts, () => TryRevokeAsync(actor, codeId, ct),
            exhausted: () => throw new ConflictException($"Enrolment code {codeId} changed under each of {Attempts} attempts to revoke it; try again."));

    private async Task<EnrolmentCode> TryRevokeAsync(Actor actor, int codeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"revoke enrolment code {codeId} without the operator role", AuditAction.EnrolmentCodeRevoked,
            AuditSubject.EnrolmentCode, codeId, now, ct);
        var code = await db.EnrolmentCodes.SingleOrDefaultAsync(c => c.Id == codeId, ct) ?? throw new NotFoundException($"There is no enrolment code {codeId}.");
        var before = EnrolmentCodeState.Of(code);
        code.Revoke(actor.Name, now);
        db.Audit(actor, AuditAction.EnrolmentCodeRevoked, AuditSubject.EnrolmentCode, codeId, before, EnrolmentCodeState.Of(code), now);
        await db.SaveChangesAsync(ct);
        return code;
    }
}
