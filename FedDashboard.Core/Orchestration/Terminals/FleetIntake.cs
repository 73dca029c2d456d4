using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// The intake of heartbeats in bulk, for a whole fleet at once: a <see cref="FleetBatch"/> reads the reporting terminals
/// and the open participations in two queries, takes one heartbeat per terminal, and writes them in one statement; the
/// telemetry history and the live state of the fleet are read and written set-based too. Keeps the telemetry history
/// between batches: one batch at a time.
/// </summary>
public sealed class FleetIntake(
    IDbContextFactory<FedDbContext> dbFactory,
    CoverageDepartures departures,
    ILivePublisher live,
    IOptions<FleetOptions> options)
{
    private readonly TelemetryHistory _history = new(options.Value);
    private readonly DensityGrid _grid = new(options.Value.MapSize);

    /// <param name="reporting">The terminals whose heartbeats the batch takes.</param>
    /// <param name="recent">A report since then still shows as an upload on the map.</param>
    public async Task<FleetBatch> OpenAsync(IReadOnlyCollection<int> reporting, DateTimeOffset recent, DateTimeOffset now, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var ids = reporting.ToArray();
            var terminals = await db.Terminals.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
            var participations = await db.RoundParticipants
                .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training
                    || (p.Status == ParticipantStatus.Reported && p.EndedAt > recent))
                .ToListAsync(ct);
            return new FleetBatch(this, db, terminals, participations, now);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    internal async Task CommitAsync(FedDbContext db, FleetBatch batch, CancellationToken ct)
    {
        await ReportedTerminals.SaveAsync(db, batch.Reported.Values, ct);
        db.CoverageEvents.AddRange(batch.CoverageEvents);
        await db.SaveChangesAsync(ct);
        await _history.RecordAsync(db, batch.Now, ct);
        await _history.PruneAsync(db, batch.Now, ct);
        await departures.ApplyAsync(db, batch.Open, batch.Reported, batch.Now, ct);
        await PublishAsync(db, batch, ct);
    }

    private async Task PublishAsync(FedDbContext db, FleetBatch batch, CancellationToken ct)
    {
        var training = batch.Open.Where(p => p.Status == ParticipantStatus.Training).Select(p => p.TerminalId).Distinct().Count();
        await live.PublishAsync(await FleetState.TickAsync(db, training, batch.Now, ct));
        // An open participation outranks a report from the same tick (a standby may start as another reports).
        var status = batch.Participations.OrderBy(p => p.IsOpen).GroupBy(p => p.TerminalId).ToDictionary(g => g.Key, g => g.Last().Status);
        await live.PublishAsync(await FleetState.MapAsync(db, status, _grid, batch.Now, ct));
    }
}
