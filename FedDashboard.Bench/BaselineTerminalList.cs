using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Bench;

/// <summary>
/// BASELINE, kept only for this benchmark: the Terminals page's query before it paged on the server (commit cb1f08e,
/// TerminalQueries.ListAsync). Every 5 s it read every terminal, every edge, and every terminal's reliability with a
/// GROUP BY over the whole participation history.
/// </summary>
internal static class BaselineTerminalList
{
    public static async Task<IReadOnlyList<TerminalRow>> ListAsync(IDbContextFactory<FedDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var terminals = await db.Terminals.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var edges = await db.EdgeServers.ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var reliability = await ReliabilityRecords.ByTerminalAsync(db.RoundParticipants, ct);
        return [.. terminals.Select(t => TerminalRow.Of(t, t.EdgeId is { } id ? edges.GetValueOrDefault(id, $"edge #{id}") : null,
            reliability.GetValueOrDefault(t.Id, Reliability.NoWork), refusals: 0))];
    }
}
