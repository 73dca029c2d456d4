using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace FedDashboard.Core.Orchestration.Governance.Audit;

/// <summary>
/// Records refused requests and page actions — bad input, illegal moves, cross-site requests — in the audit log with
/// who, what and why. Refusals for roles are recorded where Core demands them (<see cref="AuditTrail.DemandAsync"/>).
/// A client (a user, or an address when nobody is signed in) gets at most <see cref="PerClientPerMinute"/> rows a
/// minute, then one row saying further ones are not recorded, so nobody can flood the log; the rest are only counted
/// on the console.
/// </summary>
/// <remarks>Thread-safe; one per process, so the limit is per node.</remarks>
public sealed class RefusalLog(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock, ILogger<RefusalLog> logger)
{
    public const int PerClientPerMinute = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int SubjectIdLength = 64, DetailLength = 2000;

    private readonly ConcurrentDictionary<string, ClientWindow> _windows = new();

    /// <param name="actor">Who was refused: the user's name, or "anonymous".</param>
    /// <param name="client">What the limit counts by: the user's name, or the remote address without one.</param>
    /// <param name="what">What was refused, e.g. "POST /api/versions/7/approve".</param>
    /// <param name="why">The refusal's status and reason as the client got it.</param>
    public async Task RecordAsync(string actor, string client, string what, string why, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var count = _windows.AddOrUpdate(client, _ => new ClientWindow(now, 1),
            (_, window) => now - window.Start >= Window ? new ClientWindow(now, 1) : window with { Count = window.Count + 1 }).Count;
        if (count > PerClientPerMinute + 1)
        {
            logger.LogWarning("Refusal {Count} within a minute for client {Client} not recorded in the audit log: {What}: {Why}", count, client, what, why);
            return;
        }
        var detail = count <= PerClientPerMinute ? why
            : $"More than {PerClientPerMinute} refusals for {client} within a minute; further ones in this minute are not recorded one by one. This one: {why}";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(now, actor, AuditAction.RequestRefused, AuditSubject.Request, Shortened(what, SubjectIdLength),
            AuditOutcome.Refused, Shortened(detail, DetailLength), null, null));
        await db.SaveChangesAsync(ct);
        if (_windows.Count > 10_000) ForgetQuietClients(now);
    }

    private void ForgetQuietClients(DateTimeOffset now)
    {
        foreach (var (client, window) in _windows)
            if (now - window.Start >= Window) _windows.TryRemove(new KeyValuePair<string, ClientWindow>(client, window));
    }

    private static string Shortened(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record ClientWindow(DateTimeOffset Start, int Count);
}
