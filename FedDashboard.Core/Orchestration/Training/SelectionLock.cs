using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Who may be picked for a round. Whatever picks among the idle terminals (a round start, an edge's selection, a standby
/// taking a participant's place) holds it from reading them until their assignments are saved, so one picks at a time and
/// no terminal gets two open assignments. Whatever takes terminals offline (a leave, the sweep of silent ones) marks them
/// first and then reads their open participations under it: a pick either read them offline, or saved before that read
/// and its participation is found and ended. Without it, a participation saved just after that read waited for the
/// round's deadline. A session lock rather than a transaction's, as the start saves in transactions of its own (the
/// round, or the job's end).
/// </summary>
internal sealed class SelectionLock : IAsyncDisposable
{
    /// <summary>"RNDS".</summary>
    private const int Key = 0x524E4453;

    private readonly FedDbContext _db;

    private SelectionLock(FedDbContext db) => _db = db;

    /// <remarks>Keeps the context's connection open until disposed.</remarks>
    public static async Task<SelectionLock> TakeAsync(FedDbContext db, CancellationToken ct)
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
        return new SelectionLock(db);
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
