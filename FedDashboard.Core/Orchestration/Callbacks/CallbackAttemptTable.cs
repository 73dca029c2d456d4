using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>
/// The deliveries and attempts in the database. A delivery is signed with its client's current secret at each attempt,
/// so a retry after a rotation carries the new key's id. Thread-safe: each call has its own context.
/// </summary>
public sealed class CallbackAttemptTable(IDbContextFactory<FedDbContext> dbFactory, SigningSecrets secrets) : ICallbackAttemptLog
{
    public async Task<CallbackDelivery?> FindAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.CallbackDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (stored is null) return null;
        var made = await db.CallbackAttempts.Where(a => a.DeliveryId == deliveryId).MaxAsync(a => (int?)a.Number, ct) ?? 0;
        var (keyId, secret) = await secrets.CurrentAsync(stored.ClientId, ct);
        return new CallbackDelivery(stored.Id, new Uri(stored.Url), stored.Body, keyId, secret, made);
    }

    public async Task<bool> RecordAsync(Guid deliveryId, CallbackAttempt attempt, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.CallbackAttempts.Add(new CallbackAttemptRecord(deliveryId, attempt));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }
}
