using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Round starts of all jobs pick from the same idle terminals: held from reading them until the round is saved, this
/// session lock lets one pick at a time, so no terminal gets two open assignments. A session lock rather than a
/// transaction's, as the start saves in transactions of its own (the round, or the job's end).
/// </summary>
internal sealed class RoundStartLock : IAsyncDisposable
{
    /// <summary>"RNDS".</summary>
    private const int Key = 0x524E4453;

    private readonly FedDbContext _db;

    private RoundStartLock(FedDbContext db) => _db = db;

    /// <remarks>Keeps the context's connection open until disposed.</remarks>
    public static async Task<RoundStartLock> TakeAsync(FedDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", ct);
        }
        catch
        {
            // Cancelled, the lock may have been granted all the same; the connection goes back to the pool without a
            // reset on a node alone (PooledConnectionString), so it must not go back holding it. A failure to release
            // here would hide why the lock failed; a broken connection took the lock with it.
            try
            {
                await ReleaseAsync(db);
            }
            catch (Npgsql.NpgsqlException)
            {
            }
            throw;
        }
        return new RoundStartLock(db);
    }

    public ValueTask DisposeAsync() => new(ReleaseAsync(_db));

    /// <summary>Unlocks (a no-op when not held) and closes; a broken connection's session, and with it the lock, is gone anyway.</summary>
    private static async Task ReleaseAsync(FedDbContext db)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
