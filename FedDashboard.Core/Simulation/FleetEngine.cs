using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Terminals;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// One tick of the simulated fleet: terminals move and change coverage, their telemetry changes, idle ones ask for
/// work, and each sends its heartbeat through one <see cref="FleetBatch"/> of the <see cref="FleetIntake"/>. Keeps the
/// fleet's motion between ticks: one tick at a time.
/// </summary>
public sealed class FleetEngine(
    FleetIntake intake,
    FleetRegistry registry,
    IOptions<FleetOptions> fleet,
    IOptions<SimulationOptions> simulation)
{
    private readonly FleetOptions _fleet = fleet.Value;
    private readonly TimeSpan _tick = TimeSpan.FromSeconds(simulation.Value.TickSeconds);
    private readonly TelemetryDynamics _dynamics = new(fleet.Value.Seed);
    private FleetMotion? _motion;
    private DateTimeOffset? _lastTick;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = await intake.OpenAsync(now - _tick, now, ct);
        var terminals = batch.Terminals;
        if (_motion is null || !_motion.Tracks(terminals))
            _motion = new FleetMotion(terminals, await registry.EdgesAsync(ct), _fleet);
        var elapsed = _lastTick is { } last && now > last ? now - last : _tick;
        _lastTick = now;
        _motion.Move(elapsed);
        for (var i = 0; i < terminals.Count; i++)
        {
            var terminal = terminals[i];
            var telemetry = _dynamics.Step(terminal);
            var (x, y, edgeId) = _motion.PositionOf(i);
            var wantsWork = WorkRequests.Wanted(!terminal.Busy, edgeId is not null, telemetry, _fleet, simulation.Value);
            batch.Report(new Heartbeat(terminal.Id, x, y, edgeId, telemetry.CpuLoad, telemetry.Battery, telemetry.FreeMemoryMb, telemetry.Online, wantsWork));
        }
        await batch.CommitAsync(ct);
    }
}
