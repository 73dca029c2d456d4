using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace FedDashboard.Model;

/// <summary>
/// Which ledger entries a report or export covers, of those that count (a correction awaiting or refused acceptance
/// does not); an empty field does not filter. The same query text drives the
/// export endpoints and the page's export links, so both always cover the same entries.
/// </summary>
public sealed record LedgerFilter
{
    /// <summary>Inclusive, over the entry's creation time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset? To { get; init; }

    public int? JobId { get; init; }
    public int? EdgeId { get; init; }
    public int? TerminalId { get; init; }

    /// <summary>Entries that payout batch took, whether it still holds them or released them.</summary>
    public int? BatchId { get; init; }

    /// <summary>Why the period cannot be applied, or null.</summary>
    public string? Problem => (From, To) switch
    {
        ({ } from, { } to) when from > to => $"The period is inverted: 'from' ({Text(from)}) is after 'to' ({Text(to)}).",
        ({ } from, { } to) when from == to => $"The period is empty: 'from' and 'to' are both {Text(from)}, and 'to' is exclusive.",
        _ => null,
    };

    public IQueryable<RewardEntry> Apply(FedDbContext db)
    {
        var entries = db.RewardEntries.AsNoTracking().ThatCount(db);
        if (From is { } from) entries = entries.Where(e => e.CreatedAt >= from);
        if (To is { } to) entries = entries.Where(e => e.CreatedAt < to);
        if (JobId is { } job) entries = entries.Where(e => e.JobId == job);
        if (EdgeId is { } edge) entries = entries.Where(e => e.EdgeId == edge);
        if (TerminalId is { } terminal) entries = entries.Where(e => e.TerminalId == terminal);
        if (BatchId is { } batch) entries = entries.Where(e => db.PayoutBatchItems.Any(i => i.BatchId == batch && i.EntryId == e.Id));
        return entries;
    }

    /// <summary>What the filter names that does not exist, in one message, or null.</summary>
    public async Task<string?> UnknownAsync(FedDbContext db, CancellationToken ct)
    {
        var unknown = new List<string>();
        if (JobId is { } job && !await db.TrainingJobs.AnyAsync(j => j.Id == job, ct)) unknown.Add($"There is no job {job}.");
        if (EdgeId is { } edge && !await db.EdgeServers.AnyAsync(e => e.Id == edge, ct)) unknown.Add($"There is no edge {edge}.");
        if (TerminalId is { } terminal && !await db.Terminals.AnyAsync(t => t.Id == terminal, ct)) unknown.Add($"There is no terminal {terminal}.");
        if (BatchId is { } batch && !await db.PayoutBatches.AnyAsync(b => b.Id == batch, ct)) unknown.Add($"There is no payout batch {batch}.");
        return unknown.Count == 0 ? null : string.Join(" ", unknown);
    }

    /// <summary>The filter in words, for a message: "created from 2026-11-23 00:00:00 UTC, of job 3".</summary>
    public string Description
    {
        get
        {
            string?[] parts =
            [
                From is { } from ? $"created from {Text(from)}" : null,
                To is { } to ? $"created before {Text(to)}" : null,
                JobId is { } job ? $"of job {job}" : null,
                EdgeId is { } edge ? $"at edge {edge}" : null,
                TerminalId is { } terminal ? $"of terminal {terminal}" : null,
                BatchId is { } batch ? $"taken by payout batch {batch}" : null,
            ];
            var named = parts.OfType<string>().ToList();
            return named.Count == 0 ? "in the whole ledger" : string.Join(", ", named);
        }
    }

    public string ToQueryString()
    {
        var values = new Dictionary<string, string?>
        {
            ["from"] = From?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["to"] = To?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["job"] = JobId?.ToString(CultureInfo.InvariantCulture),
            ["edge"] = EdgeId?.ToString(CultureInfo.InvariantCulture),
            ["terminal"] = TerminalId?.ToString(CultureInfo.InvariantCulture),
            ["batch"] = BatchId?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null));
    }

    /// <summary>The filter, or every problem with the query text in one message (existence is <see cref="UnknownAsync"/>'s).</summary>
    public static (LedgerFilter? Filter, string? Error) Parse(IQueryCollection query)
    {
        var errors = new List<string>();
        var filter = new LedgerFilter
        {
            From = LedgerQueryText.Time(query, "from", errors),
            To = LedgerQueryText.Time(query, "to", errors),
            JobId = LedgerQueryText.Id(query, "job", errors),
            EdgeId = LedgerQueryText.Id(query, "edge", errors),
            TerminalId = LedgerQueryText.Id(query, "terminal", errors),
            BatchId = LedgerQueryText.Id(query, "batch", errors),
        };
        if (errors.Count == 0 && filter.Problem is { } problem) errors.Add(problem);
        return errors.Count == 0 ? (filter, null) : (null, string.Join(" ", errors));
    }

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
