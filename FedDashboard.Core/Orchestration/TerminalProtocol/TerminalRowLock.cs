using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

internal static class TerminalRowLock
{
    /// <summary>
    /// Locks the terminal's row until the open transaction ends, so changes to its credentials (revocation, rotation)
    /// happen one after another: a rotation cannot slip a new credential past a revocation that read the old ones.
    /// </summary>
    /// <returns>The terminal's name; null if there is no such terminal.</returns>
    public static Task<string?> LockTerminalAsync(this FedDbContext db, int terminalId, CancellationToken ct) =>
        db.Terminals.FromSql($"""SELECT * FROM "Terminals" WHERE "Id" = {terminalId} FOR UPDATE""")
            .Select(t => t.Name).SingleOrDefaultAsync(ct);
}
