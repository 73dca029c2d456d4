using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>
/// Row locks held until the open transaction ends, so two administrators' changes to one client or one key happen one
/// after another and the second decides on what the first left: a rotation cannot slip a successor past a revocation
/// that read the key as active, nor an edit undo a suspension it never saw.
/// </summary>
internal static class ClientRowLocks
{
    /// <returns>The client, tracked; null if there is none.</returns>
    public static Task<ClientApplication?> LockClientAsync(this FedDbContext db, int clientId, CancellationToken ct) =>
        db.ClientApplications.FromSql($"""SELECT * FROM "ClientApplications" WHERE "Id" = {clientId} FOR UPDATE""").SingleOrDefaultAsync(ct);

    /// <returns>The key, tracked; null if there is none.</returns>
    public static Task<ClientApiKey?> LockClientKeyAsync(this FedDbContext db, int keyId, CancellationToken ct) =>
        db.ClientApiKeys.FromSql($"""SELECT * FROM "ClientApiKeys" WHERE "Id" = {keyId} FOR UPDATE""").SingleOrDefaultAsync(ct);
}
