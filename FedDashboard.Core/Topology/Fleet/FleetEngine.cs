using FedDashboard.Core.Live;
using FedDashboard.Core.Options;
using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Topology.Fleet;

/// <summary>
/// One tick of the simulated fleet: terminals move and change coverage, their telemetry changes, idle
/// ones ask for work, history is kept, departures are handled, and the tick is published. One query for the
/// terminals and one for the participations, one bulk save. Keeps the fleet's motion between ticks: one tick at a time.
/// </summary>
public sealed class FleetEngine(
    IDbContextFactory<FedDbContext> dbFactory,
    CoverageDepartures departures,
    ILivePublisher live,
    IOptions<FleetOptions> options)
{
    private readonly FleetOptions _options = options.Value;
    private readonly TelemetryDynamics _dynamics = new(options.Value);
    private readonly TelemetryHistory _history = new(options.Value);
    private FleetMotion? _motion;
    private DateTimeOffset? _lastTick;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var terminals = await db.Terminals.OrderBy(t => t.Id).ToListAsync(ct);
        var tick = TimeSpan.FromSeconds(_options.TickSeconds);
        var recent = now - tick;
        var participations = await db.RoundParticipants
            .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training
                || (p.Status == ParticipantStatus.Reported && p.EndedAt > recent))
            .ToListAsync(ct);
        var open = participations.Where(p => p.IsOpen).ToList();
        var busy = open.Select(p => p.TerminalId).ToHashSet();
        var training = open.Where(p => p.Status == ParticipantStatus.Training).Select(p => p.TerminalId).ToHashSet();

        if (_motion is null || !_motion.Tracks(terminals))
            _motion = new FleetMotion(terminals, await db.EdgeServers.OrderBy(e => e.Id).ToListAsync(ct), _options);
        var elapsed = _lastTick is { } last && now > last ? now - last : tick;
        _lastTick = now;
        db.CoverageEvents.AddRange(_motion.Move(terminals, elapsed, now));
        foreach (var terminal in terminals)
        {
            _dynamics.Step(terminal, training.Contains(terminal.Id), now);
            WorkRequests.Update(terminal, !busy.Contains(terminal.Id), _options, now);
        }
        db.TelemetryRecords.AddRange(_history.Due(terminals, now));
        await db.SaveChangesAsync(ct);
        await _history.PruneAsync(db, now, ct);
        await departures.ApplyAsync(db, open, terminals.ToDictionary(t => t.Id), now, ct);

        await PublishAsync(terminals, participations, training.Count, now);
    }

    private async Task PublishAsync(IReadOnlyList<Terminal> terminals, IReadOnlyList<RoundParticipant> participations, int training, DateTimeOffset now)
    {
        var online = terminals.Where(t => t.Online).ToList();
        await live.PublishAsync(new FleetTick(
            terminals.Count,
            online.Count,
            online.Count(t => t.InCoverage),
            training,
            online.Count == 0 ? 0 : online.Average(t => t.CpuLoad),
            online.Count == 0 ? 0 : online.Max(t => t.CpuLoad),
            terminals.Count == 0 ? 0 : terminals.Average(t => t.Battery),
            now));

        // An open participation outranks a report from the same tick (a standby may start as another reports).
        var status = participations.OrderBy(p => p.IsOpen).GroupBy(p => p.TerminalId).ToDictionary(g => g.Key, g => g.Last().Status);
        await live.PublishAsync(new FleetPositions(
            [.. terminals.Select(t => new TerminalPosition(t.Id, t.PositionX, t.PositionY, t.EdgeId,
                FleetActivity.Of(t, status.TryGetValue(t.Id, out var s) ? s : null)))],
            now));
    }
}
