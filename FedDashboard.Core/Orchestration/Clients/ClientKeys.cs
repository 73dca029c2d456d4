using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>
/// Administrators issue client applications their API keys, rotate and revoke them. A key's secret is returned once and
/// never stored: only its hash is kept. Rotation revokes the old key at once, in the commit that issues its successor
/// with the same scopes: the answer carries the new secret, so the client switches before its next call, and a client
/// that cannot stop for that is issued a second key, deploys it, then has the first revoked. Each step, and each
/// refusal for roles, is audited in the commit that makes it.
/// </summary>
/// <exception cref="AccessDeniedException">The actor is no administrator; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="InvalidInputException">No scope, an unknown one, a validity or reason out of range; nothing changes.</exception>
/// <exception cref="NotFoundException">No such client or key.</exception>
/// <exception cref="ConflictException">The client is suspended, or the key revoked already; nothing changes.</exception>
public sealed class ClientKeys(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The inputs' names in requests and on the page, for a refusal shown at its field.</summary>
    public const string ScopesField = "scopes", ValidForDaysField = "validForDays", ReasonField = "reason";

    public const int LongestValidityDays = 730;

    /// <param name="validForDays">From now, 1 to <see cref="LongestValidityDays"/>; null for a key that does not expire.</param>
    public async Task<IssuedClientKey> IssueAsync(Actor actor, int clientId, ClientKeyScopes scopes, int? validForDays, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"issue API keys to client {clientId} without the administrator role", AuditAction.ClientKeyIssued,
            AuditSubject.Client, clientId, now, ct);
        RequireScopes(scopes);
        if (validForDays is < 1 or > LongestValidityDays)
            throw new InvalidInputException($"A key is valid for 1 to {LongestValidityDays} days, or without end; was {validForDays}.", ValidForDaysField);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var client = await db.LockClientAsync(clientId, ct) ?? throw new NotFoundException($"There is no client {clientId}.");
        RequireActive(client);
        var (key, secret) = NewKey(actor, clientId, scopes, now, validForDays is { } days ? now.AddDays(days) : null);
        db.ClientApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        db.Audit(actor, AuditAction.ClientKeyIssued, AuditSubject.ClientKey, key.Id, null, ClientApiKeyState.Of(key), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IssuedClientKey(key, secret);
    }

    /// <summary>
    /// A successor with the key's scopes and, when the key expires, as long a validity from now; the key is revoked in
    /// the same commit.
    /// </summary>
    public async Task<IssuedClientKey> RotateAsync(Actor actor, int keyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"rotate API key {keyId} without the administrator role", AuditAction.ClientKeyRotated,
            AuditSubject.ClientKey, keyId, now, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var old = await db.LockClientKeyAsync(keyId, ct) ?? throw new NotFoundException($"There is no API key {keyId}.");
        var client = await db.ClientApplications.SingleAsync(c => c.Id == old.ClientId, ct);
        RequireActive(client);
        var before = ClientApiKeyState.Of(old);
        var (successor, secret) = NewKey(actor, old.ClientId, old.Scopes, now, old.ExpiresAt is { } expires ? now + (expires - old.CreatedAt) : null, old.Id);
        old.Revoke(actor.Name, $"Rotated: replaced by {successor.KeyId}.", now);
        db.ClientApiKeys.Add(successor);
        await db.SaveChangesAsync(ct);
        db.Audit(actor, AuditAction.ClientKeyRotated, AuditSubject.ClientKey, keyId, before,
            new[] { ClientApiKeyState.Of(old), ClientApiKeyState.Of(successor) }, now, $"{old.KeyId} replaced by {successor.KeyId}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IssuedClientKey(successor, secret);
    }

    /// <summary>Calls with the key are refused from now on.</summary>
    public async Task<ClientApiKey> RevokeAsync(Actor actor, int keyId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"revoke API key {keyId} without the administrator role", AuditAction.ClientKeyRevoked,
            AuditSubject.ClientKey, keyId, now, ct);
        var why = TextInput.Required(reason, ClientApiKey.RevokeReasonMaxLength, ReasonField, "A reason",
            "Say why the key is revoked; the client's contact and other administrators read it on the Clients page.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = await db.LockClientKeyAsync(keyId, ct) ?? throw new NotFoundException($"There is no API key {keyId}.");
        var before = ClientApiKeyState.Of(key);
        key.Revoke(actor.Name, why, now);
        db.Audit(actor, AuditAction.ClientKeyRevoked, AuditSubject.ClientKey, keyId, before, ClientApiKeyState.Of(key), now, why);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return key;
    }

    private static (ClientApiKey Key, string Secret) NewKey(Actor actor, int clientId, ClientKeyScopes scopes, DateTimeOffset now, DateTimeOffset? expiresAt,
        int? replacesId = null)
    {
        var keyId = ClientKeySecrets.NewKeyId();
        var secret = ClientKeySecrets.NewSecret(keyId);
        return (new ClientApiKey(clientId, keyId, Secrets.Hash(secret), scopes, actor.Name, now, expiresAt, replacesId), secret);
    }

    private static void RequireScopes(ClientKeyScopes scopes)
    {
        if (scopes == ClientKeyScopes.None)
            throw new InvalidInputException($"A key needs at least one scope ({string.Join(", ", ClientScopes.Names)}).", ScopesField);
        if ((scopes & ~ClientKeyScopes.All) != 0)
            throw new InvalidInputException($"The scopes are {string.Join(", ", ClientScopes.Names)}; {(int)scopes} names others.", ScopesField);
    }

    private static void RequireActive(ClientApplication client)
    {
        if (client.IsSuspended) throw new ConflictException($"Client {client.Name} is suspended; resume it before it gets keys.");
    }
}
