using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Keeps one telemetry record of every terminal every HistorySeconds, copied in the database, and drops records older
/// than HistoryHours. A pass over the fleet is spread over the interval: each batch records the next terminals by id, as
/// many as the time since the pass began is due, at most <see cref="MostPerBatch"/>; so a batch of a 100,000-terminal
/// fleet records a few thousand, not one in forty the whole fleet. Pruning is spread the same way: each batch deletes
/// the oldest records past their time, at most <see cref="MostPrunedPerBatch"/>. Not thread-safe.
/// </summary>
internal sealed class TelemetryHistory(FleetOptions options)
{
    /// <summary>The most records one batch writes; a pass that falls behind takes longer rather than one batch growing.</summary>
    internal const int MostPerBatch = 5_000;

    /// <summary>
    /// The most records one batch deletes: more than a batch records, so pruning keeps pace and works off a backlog
    /// (a node that was down, a shorter HistoryHours) over several batches instead of in one long one.
    /// </summary>
    internal const int MostPrunedPerBatch = 2 * MostPerBatch;

    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.HistorySeconds);
    private Pass? _pass;

    private sealed record Recorded(int? Last, int Count);

    /// <summary>One pass over the fleet: begun at Start over Fleet terminals, Done of them recorded, the last of them After.</summary>
    private sealed record Pass(DateTimeOffset Start, int Fleet, int Done, int After, bool Finished)
    {
        /// <summary>How many of the pass's terminals are due by <paramref name="now"/>: spread evenly over the interval.</summary>
        public int DueBy(DateTimeOffset now, TimeSpan interval) => (int)Math.Ceiling(Fleet * Math.Min(1, (now - Start) / interval));
    }

    /// <summary>Records the terminals due by now as they stand in the database; a pass begins HistorySeconds after the last one did.</summary>
    public async Task RecordAsync(FedDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (_pass is null || (_pass.Finished && now - _pass.Start >= _interval))
        {
            var fleet = await db.Terminals.CountAsync(ct);
            _pass = new Pass(now, fleet, Done: 0, After: 0, Finished: fleet == 0);
        }
        if (_pass.Finished) return;
        var due = Math.Min(_pass.DueBy(now, _interval) - _pass.Done, MostPerBatch);
        if (due <= 0) return;
        var recorded = (await db.Database.SqlQuery<Recorded>($"""
            WITH recorded AS (
                INSERT INTO "TelemetryRecords" ("TerminalId", "At", "EdgeId", "Online", "CpuLoad", "Battery", "FreeMemoryMb", "TrainingSamplesPerSecond")
                SELECT "Id", {now}, "EdgeId", "Online", "CpuLoad", "Battery", "FreeMemoryMb", "TrainingSamplesPerSecond" FROM "Terminals"
                WHERE "Id" > {_pass.After} ORDER BY "Id" LIMIT {due}
                RETURNING "TerminalId")
            SELECT max("TerminalId") AS "Last", count(*)::int AS "Count" FROM recorded
            """).ToListAsync(ct))[0];
        // Fewer than asked: no terminal is left after the last one (some were removed since the pass began).
        _pass = _pass with
        {
            Done = _pass.Done + recorded.Count,
            After = recorded.Last ?? _pass.After,
            Finished = recorded.Count < due || _pass.Done + recorded.Count >= _pass.Fleet,
        };
    }

    public async Task PruneAsync(FedDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var oldest = now - TimeSpan.FromHours(options.HistoryHours);
        await db.TelemetryRecords.Where(r => r.At < oldest).OrderBy(r => r.At).Take(MostPrunedPerBatch).ExecuteDeleteAsync(ct);
    }
}
