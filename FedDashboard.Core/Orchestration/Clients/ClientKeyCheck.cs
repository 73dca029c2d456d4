using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>
/// Checks the secret a client API call presents, against the database on every call, so a revocation or suspension
/// holds from the next call on, on every node. Notes the key's last use at most once per
/// <see cref="ClientApiKey.LastUseResolution"/>, with a conditional update that every node may race for harmlessly.
/// </summary>
public sealed class ClientKeyCheck(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <returns>The client and key the secret proves, or why it proves nothing.</returns>
    public async Task<ClientKeyOutcome> CheckAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret))
            return ClientKeyOutcome.Refused(ClientKeyErrors.MissingKey, "The call carries no API key (Authorization: Bearer <key>).");
        var hash = Secrets.Hash(secret);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ClientApiKeys.AsNoTracking().Where(k => k.SecretHash == hash)
            .Join(db.ClientApplications, k => k.ClientId, c => c.Id, (k, c) => new { Key = k, Client = c.Name, c.SuspendedAt })
            .SingleOrDefaultAsync(ct);
        if (found is null) return ClientKeyOutcome.Refused(ClientKeyErrors.InvalidKey, "The API key is not one this server issued.");
        var key = found.Key;
        if (key.IsRevoked)
            return ClientKeyOutcome.Refused(ClientKeyErrors.KeyRevoked, $"API key {key.KeyId} was revoked at {key.RevokedAt:u}: {key.RevokeReason}");
        if (key.IsExpiredAt(now)) return ClientKeyOutcome.Refused(ClientKeyErrors.KeyExpired, $"API key {key.KeyId} expired at {key.ExpiresAt:u}.");
        if (found.SuspendedAt is not null)
            return ClientKeyOutcome.Refused(ClientKeyErrors.ClientSuspended, $"Client {found.Client} is suspended; its keys work again once an administrator resumes it.");

        if (key.LastUsedAt is null || key.LastUsedAt <= now - ClientApiKey.LastUseResolution)
        {
            var due = now - ClientApiKey.LastUseResolution;
            await db.ClientApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= due))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return ClientKeyOutcome.Proved(new AuthenticatedClient(key.ClientId, found.Client, key.Id, key.KeyId, key.Scopes));
    }
}
