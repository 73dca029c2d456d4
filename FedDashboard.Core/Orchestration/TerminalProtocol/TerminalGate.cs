using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using FedDashboard.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// What every terminal call passes first, over the network and in process alike: the credential must be one the edge
/// issued and nobody revoked, and the terminal within its rate of calls. Counts each refusal per terminal and code.
/// A checked credential is kept for CredentialCacheSeconds so a heartbeat costs no database read; revoking or rotating
/// on this node forgets it at once. When a kept credential runs out, those due within half the cache time are checked
/// again with it, in one query per <see cref="RecheckBatch"/>: a fleet whose credentials were checked together (a node's
/// start, the simulated fleet's first tick) does not come back one query per terminal. Thread-safe; one per process.
/// </summary>
public sealed class TerminalGate(
    IDbContextFactory<FedDbContext> dbFactory,
    IOptions<TerminalOptions> options,
    TimeProvider clock,
    ILogger<TerminalGate> logger) : IDisposable
{
    private sealed record Checked(int TerminalId, int CredentialId, DateTimeOffset Until);

    /// <summary>The most credentials checked in one query.</summary>
    internal const int RecheckBatch = 10_000;

    private readonly ConcurrentDictionary<string, Checked> _checked = new();
    private readonly RateLimitedRefusals _rateLimited = new();
    private readonly PartitionedRateLimiter<int> _rate = PartitionedRateLimiter.Create<int, int>(terminalId =>
        RateLimitPartition.GetTokenBucketLimiter(terminalId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.CallBurst,
            TokensPerPeriod = options.Value.CallsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <exception cref="TerminalProtocolException">Unauthenticated, credential_revoked or rate_limited.</exception>
    public async Task<AuthenticatedTerminal> AuthenticateAsync(string? credential, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(credential))
            throw new TerminalProtocolException(ProtocolError.Unauthenticated, "The call carries no credential (Authorization: Bearer <credential>).");
        var hash = TerminalSecrets.Hash(credential);
        var now = clock.GetUtcNow();
        if (!_checked.TryGetValue(hash, out var known))
            known = await CheckAsync(hash, now, ct);
        else if (known.Until <= now)
            known = await RecheckDueAsync(hash, now, ct);

        using var lease = _rate.AttemptAcquire(known.TerminalId);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var message = $"Terminal {known.TerminalId} made more than {options.Value.CallsPerSecond} calls a second (bursts up to {options.Value.CallBurst}); try again in {retryAfter.TotalSeconds:0.#} s.";
            if (_rateLimited.Count(known.TerminalId, now) is { } due) await IncrementAsync(known.TerminalId, ProtocolError.RateLimited, message, due, now, ct);
            throw new TerminalProtocolException(ProtocolError.RateLimited, message, retryAfter);
        }
        return new AuthenticatedTerminal(known.TerminalId, known.CredentialId);
    }

    /// <summary>Counts a refusal of <paramref name="terminalId"/>'s call with <paramref name="code"/>; shown on the terminal's page.</summary>
    public Task CountRefusalAsync(int terminalId, string code, string message, CancellationToken ct) =>
        IncrementAsync(terminalId, code, message, 1, clock.GetUtcNow(), ct);

    /// <summary>Refuses with <paramref name="code"/>: counts it for the terminal, then throws it.</summary>
    public async Task<TerminalProtocolException> RefuseAsync(int terminalId, string code, string message, CancellationToken ct)
    {
        await CountRefusalAsync(terminalId, code, message, ct);
        return new TerminalProtocolException(code, message);
    }

    /// <summary>The terminal's credentials changed (revoked, rotated): its next call is checked against the database.</summary>
    public void Forget(int terminalId) => Forget([terminalId]);

    /// <summary>As <see cref="Forget(int)"/> for many terminals, in one pass over the kept credentials.</summary>
    public void Forget(IEnumerable<int> terminalIds)
    {
        var forgotten = terminalIds.ToHashSet();
        if (forgotten.Count == 0) return;
        foreach (var (hash, known) in _checked)
            if (forgotten.Contains(known.TerminalId)) _checked.TryRemove(hash, out _);
    }

    /// <summary>
    /// Keeps credentials its caller has just read from the database as active (<paramref name="hashes"/> by terminal and
    /// credential id), so their first calls cost no query.
    /// </summary>
    public void Trust(IEnumerable<(int TerminalId, int CredentialId, string Hash)> hashes)
    {
        var until = Until(clock.GetUtcNow());
        foreach (var (terminalId, credentialId, hash) in hashes) _checked[hash] = new Checked(terminalId, credentialId, until);
    }

    public void Dispose() => _rate.Dispose();

    private DateTimeOffset Until(DateTimeOffset now) => now + TimeSpan.FromSeconds(options.Value.CredentialCacheSeconds);

    /// <summary>Checks <paramref name="hash"/> again together with the kept credentials due soonest; a revoked or deleted one is forgotten.</summary>
    private async Task<Checked> RecheckDueAsync(string hash, DateTimeOffset now, CancellationToken ct)
    {
        var soon = now + TimeSpan.FromSeconds(options.Value.CredentialCacheSeconds / 2);
        string[] due = [hash, .. _checked.Where(c => c.Value.Until <= soon && c.Key != hash).OrderBy(c => c.Value.Until).Take(RecheckBatch - 1).Select(c => c.Key)];
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var active = await db.TerminalCredentials.AsNoTracking()
                .Where(c => due.Contains(c.SecretHash) && c.RevokedAt == null)
                .Select(c => new { c.TerminalId, c.Id, c.SecretHash })
                .ToDictionaryAsync(c => c.SecretHash, ct);
            var until = Until(now);
            foreach (var dueHash in due)
            {
                if (active.TryGetValue(dueHash, out var credential)) _checked[dueHash] = new Checked(credential.TerminalId, credential.Id, until);
                else _checked.TryRemove(dueHash, out _);
            }
        }
        // Not active any more: the single check below says why and counts the refusal.
        return _checked.TryGetValue(hash, out var known) ? known : await CheckAsync(hash, now, ct);
    }

    private async Task<Checked> CheckAsync(string hash, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var credential = await db.TerminalCredentials.AsNoTracking().SingleOrDefaultAsync(c => c.SecretHash == hash, ct);
        if (credential is null)
            throw new TerminalProtocolException(ProtocolError.Unauthenticated, "The credential is not one this edge issued.");
        if (credential.IsRevoked)
        {
            var message = credential.RevokedBy == TerminalCredential.Rotation
                ? $"The credential was replaced by a newer one at {credential.RevokedAt:u}; use the newer one."
                : $"The credential was revoked by {credential.RevokedBy} at {credential.RevokedAt:u}: {credential.RevokeReason}";
            await CountRefusalAsync(credential.TerminalId, ProtocolError.CredentialRevoked, message, ct);
            throw new TerminalProtocolException(ProtocolError.CredentialRevoked, message);
        }
        var known = new Checked(credential.TerminalId, credential.Id, Until(now));
        _checked[hash] = known;
        return known;
    }

    private async Task IncrementAsync(int terminalId, string code, string message, long count, DateTimeOffset at, CancellationToken ct)
    {
        var shortened = message.Length <= TerminalRefusalCount.MessageMaxLength ? message : message[..TerminalRefusalCount.MessageMaxLength];
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "TerminalRefusalCounts" ("TerminalId", "Code", "Count", "LastAt", "LastMessage")
                VALUES ({terminalId}, {code}, {count}, {at}, {shortened})
                ON CONFLICT ("TerminalId", "Code") DO UPDATE
                SET "Count" = "TerminalRefusalCounts"."Count" + EXCLUDED."Count", "LastAt" = EXCLUDED."LastAt", "LastMessage" = EXCLUDED."LastMessage"
                """, ct);
        }
        catch (DbUpdateException exception)
        {
            // Counting must not turn a refusal into a failure (e.g. the terminal was deleted meanwhile).
            logger.LogWarning(exception, "Could not count refusal {Code} of terminal {TerminalId}.", code, terminalId);
        }
    }
}
