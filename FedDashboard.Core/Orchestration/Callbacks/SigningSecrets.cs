using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>
/// Each client's callback signing secret: made on first need (its first callback, or an administrator asking for it),
/// stored encrypted by Data Protection, shown to an administrator once, rotated by an administrator. Both steps are
/// audited, without the secret. Creation and rotation lock the client's row, so a client never gets two current secrets.
/// </summary>
/// <exception cref="AccessDeniedException">Showing or rotating without the administrator role; the refusal is recorded.</exception>
/// <exception cref="NotFoundException">No such client.</exception>
/// <exception cref="ConflictException">The current secret was shown already.</exception>
public sealed class SigningSecrets(IDbContextFactory<FedDbContext> dbFactory, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The Data Protection purpose: a secret protected for anything else does not decrypt here, nor the reverse.</summary>
    public const string Purpose = "FedDashboard.Callbacks.SigningSecret.v1";

    public const string KeyIdPrefix = "whk_";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>The current secret of the client, made now if it has none; for signing.</summary>
    public async Task<(string KeyId, string Secret)> CurrentAsync(int clientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.ClientSigningSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.ClientId == clientId && s.RetiredAt == null, ct)
            ?? await InLockAsync(db, clientId, Actor.System, (stored, _) => Task.FromResult(stored), ct);
        return (current.KeyId, Protector.Unprotect(current.ProtectedSecret));
    }

    public async Task<ShownSigningSecret> ShowAsync(Actor actor, int clientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"see client {clientId}'s callback signing secret without the administrator role",
            AuditAction.SigningSecretShown, AuditSubject.Client, clientId, now, ct);
        return await InLockAsync(db, clientId, actor, (current, _) =>
        {
            current.Show(actor.Name, now);
            db.Audit(actor, AuditAction.SigningSecretShown, AuditSubject.Client, clientId, null, new { current.KeyId }, now);
            return Task.FromResult(Shown(current));
        }, ct);
    }

    public async Task<ShownSigningSecret> RotateAsync(Actor actor, int clientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"rotate client {clientId}'s callback signing secret without the administrator role",
            AuditAction.SigningSecretRotated, AuditSubject.Client, clientId, now, ct);
        return await InLockAsync(db, clientId, actor, async (current, isNew) =>
        {
            var successor = current;
            if (!isNew)
            {
                current.Retire(now);
                // The retired row leaves the one-current-secret index before its successor enters it.
                await db.SaveChangesAsync(ct);
                successor = New(clientId, actor, now);
                db.ClientSigningSecrets.Add(successor);
            }
            successor.Show(actor.Name, now);
            db.Audit(actor, AuditAction.SigningSecretRotated, AuditSubject.Client, clientId, isNew ? null : new { current.KeyId }, new { successor.KeyId }, now);
            return Shown(successor);
        }, ct);
    }

    /// <summary>In one transaction holding the client's row: its current secret (made now when it has none, isNew), changed and saved.</summary>
    private async Task<T> InLockAsync<T>(FedDbContext db, int clientId, Actor actor, Func<ClientSigningSecret, bool, Task<T>> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        _ = await db.LockClientAsync(clientId, ct) ?? throw new NotFoundException($"There is no client {clientId}.");
        var current = await db.ClientSigningSecrets.SingleOrDefaultAsync(s => s.ClientId == clientId && s.RetiredAt == null, ct);
        var isNew = current is null;
        if (current is null)
        {
            current = New(clientId, actor, clock.GetUtcNow());
            db.ClientSigningSecrets.Add(current);
        }
        var result = await change(current, isNew);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private ClientSigningSecret New(int clientId, Actor actor, DateTimeOffset now) =>
        new(clientId, KeyIdPrefix + Secrets.NewReadable(12), Protector.Protect(CallbackSignature.NewSecret()), actor.Name, now);

    private ShownSigningSecret Shown(ClientSigningSecret s) => new(s.ClientId, s.KeyId, Protector.Unprotect(s.ProtectedSecret), s.CreatedAt);
}
