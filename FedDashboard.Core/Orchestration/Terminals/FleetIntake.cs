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
/// The intake of heartbeats in bulk, for a whole fleet at once: a <see cref="FleetBatch"/> reads the open participations
/// in one query, takes one heartbeat per terminal, and writes them in one statement; the telemetry history and the live
/// state of the fleet are read and written set-based too. Keeps the telemetry history and when it last published between
/// batches: one batch at a time.
/// </summary>
public sealed class FleetIntake(
    IDbContextFactory<FedDbContext> dbFactory,
    CoverageDepartures departures,
    ILivePublisher live,
    IOptions<FleetOptions> options)
{
    /// <summary>
    /// The live pages hear the fleet's totals and map from at most one batch this often: each is counted over the whole
    /// fleet, which at 100,000 terminals costs more than writing a batch's heartbeats. (A page applies updates every
    /// 100-200 ms; the simulated fleet moves once a second.)
    /// </summary>
    internal static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(1);

    private readonly TelemetryHistory _history = new(options.Value);
    private readonly DensityGrid _grid = new(options.Value.MapSize);
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;

    /// <param name="recent">A report since then still shows as an upload on the map.</param>
    public async Task<FleetBatch> OpenAsync(DateTimeOffset recent, DateTimeOffset now, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var open = await db.RoundParticipants.AsNoTracking()
                .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
                .ToListAsync(ct);
            return new FleetBatch(this, db, open, recent, now);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    internal async Task CommitAsync(FedDbContext db, FleetBatch batch, CancellationToken ct)
    {
        await ReportedTerminals.SaveAsync(db, batch.Reported, batch.Now, ct);
        await _history.RecordAsync(db, batch.Now, ct);
        await _history.PruneAsync(db, batch.Now, ct);
        await departures.ApplyAsync(db, batch.Open, batch.Reported.ToDictionary(h => h.TerminalId, h => h.EdgeId), batch.Now, ct);
        await PublishAsync(db, batch, ct);
    }

    private async Task PublishAsync(FedDbContext db, FleetBatch batch, CancellationToken ct)
    {
        if (batch.Now - _lastPublished < PublishEvery) return;
        _lastPublished = batch.Now;
        var training = batch.Open.Where(p => p.Status == ParticipantStatus.Training).Select(p => p.TerminalId).Distinct().Count();
        await live.PublishAsync(await FleetState.TickAsync(db, training, batch.Now, ct));
        var reported = await db.RoundParticipants.AsNoTracking()
            .Where(p => p.Status == ParticipantStatus.Reported && p.EndedAt > batch.Recent)
            .Select(p => p.TerminalId).Distinct().ToListAsync(ct);
        // An open participation outranks a report from the same tick (a standby may start as another reports).
        var status = reported.ToDictionary(id => id, _ => ParticipantStatus.Reported);
        foreach (var participation in batch.Open.OrderBy(p => p.Id)) status[participation.TerminalId] = participation.Status;
        await live.PublishAsync(await FleetState.MapAsync(db, status, _grid, batch.Now, ct));
    }
}
