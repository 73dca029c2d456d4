using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Keeps one telemetry record per terminal every HistorySeconds and drops records older than HistoryHours.
/// After a restart every terminal is recorded in the first batch. Not thread-safe.
/// </summary>
internal sealed class TelemetryHistory(FleetOptions options)
{
    private readonly Dictionary<int, DateTimeOffset> _lastRecorded = [];
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.HistorySeconds);
    private DateTimeOffset _lastPruned = DateTimeOffset.MinValue;

    public IReadOnlyList<TelemetryRecord> Due(IEnumerable<Terminal> terminals, DateTimeOffset now)
    {
        var records = new List<TelemetryRecord>();
        foreach (var terminal in terminals)
        {
            if (_lastRecorded.TryGetValue(terminal.Id, out var last) && now - last < _interval) continue;
            _lastRecorded[terminal.Id] = now;
            records.Add(TelemetryRecord.Of(terminal, now));
        }
        return records;
    }

    public async Task PruneAsync(FedDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (now - _lastPruned < _interval) return;
        _lastPruned = now;
        var oldest = now - TimeSpan.FromHours(options.HistoryHours);
        await db.TelemetryRecords.Where(r => r.At < oldest).ExecuteDeleteAsync(ct);
    }
}
