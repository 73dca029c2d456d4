using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Keeps one telemetry record of every terminal every HistorySeconds, copied in the database in one statement, and drops
/// records older than HistoryHours. After a restart the first batch records the whole fleet. Not thread-safe.
/// </summary>
internal sealed class TelemetryHistory(FleetOptions options)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.HistorySeconds);
    private DateTimeOffset _lastRecorded = DateTimeOffset.MinValue;
    private DateTimeOffset _lastPruned = DateTimeOffset.MinValue;

    /// <summary>Records every terminal as it stands now in the database, when HistorySeconds have passed since the last record.</summary>
    public async Task RecordAsync(FedDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (now - _lastRecorded < _interval) return;
        _lastRecorded = now;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "TelemetryRecords" ("TerminalId", "At", "EdgeId", "Online", "CpuLoad", "Battery", "FreeMemoryMb", "TrainingSamplesPerSecond")
            SELECT "Id", {now}, "EdgeId", "Online", "CpuLoad", "Battery", "FreeMemoryMb", "TrainingSamplesPerSecond" FROM "Terminals"
            """, ct);
    }

    public async Task PruneAsync(FedDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (now - _lastPruned < _interval) return;
        _lastPruned = now;
        var oldest = now - TimeSpan.FromHours(options.HistoryHours);
        await db.TelemetryRecords.Where(r => r.At < oldest).ExecuteDeleteAsync(ct);
    }
}
