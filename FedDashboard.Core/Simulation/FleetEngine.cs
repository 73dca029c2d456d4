using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// One tick of the simulated fleet, each terminal a client of the protocol: it moves, its telemetry changes, and if it
/// is on the network and its edge's heartbeat interval has passed it heartbeats through the <see cref="ITerminalChannel"/>
/// with its own credential, as an agent does (offline, it is silent). Its edge answers which coverage holds it and whether it has an assignment, which makes it busy. The motion
/// is the devices' own; coverage is the edge's. Starts where the edge last heard of the fleet, so a restart goes on from
/// there. Keeps the fleet between ticks: one tick at a time.
/// </summary>
public sealed class FleetEngine(
    ITerminalChannel channel,
    SimulatedCredentials credentials,
    FleetRegistry registry,
    IOptions<FleetOptions> fleet,
    IOptions<SimulationOptions> simulation,
    ILogger<FleetEngine> logger)
{
    private readonly FleetOptions _fleet = fleet.Value;
    private readonly TimeSpan _tick = TimeSpan.FromSeconds(simulation.Value.TickSeconds);
    private readonly TelemetryDynamics _dynamics = new(fleet.Value.Seed);
    private IReadOnlyList<SimulatedDevice> _devices = [];
    private RandomWaypointMobility? _mobility;
    private DateTimeOffset? _lastTick;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var mobility = _mobility ?? await StartAsync(ct);
        mobility.Advance(_lastTick is { } last && now > last ? now - last : _tick);
        _lastTick = now;
        for (var i = 0; i < _devices.Count; i++)
        {
            var device = _devices[i];
            var telemetry = _dynamics.Step(device);
            device.Change(telemetry);
            if (!device.Online || device.HeartbeatDue > now + _tick / 2 || credentials.For(device.Id) is not { } credential) continue;
            var wantsWork = WorkRequests.Wanted(!device.Busy, device.EdgeId is not null, telemetry, _fleet, simulation.Value);
            await HeartbeatAsync(device, credential, device.Heartbeat(mobility.Xs[i], mobility.Ys[i], wantsWork), now, ct);
        }
    }

    /// <summary>Drops the fleet kept between ticks: the next tick starts again from where the edges last heard of it.</summary>
    public void Forget()
    {
        _mobility = null;
        _lastTick = null;
    }

    private async Task<RandomWaypointMobility> StartAsync(CancellationToken ct)
    {
        var terminals = await registry.TerminalsAsync(TerminalOrigin.Simulated, ct);
        _devices = [.. terminals.Select(t => new SimulatedDevice(t))];
        _mobility = new RandomWaypointMobility(
            terminals.Select(t => t.PositionX).ToArray(),
            terminals.Select(t => t.PositionY).ToArray(),
            _fleet.MapSize,
            new WaypointSettings(_fleet.MinSpeed, _fleet.MaxSpeed, TimeSpan.FromSeconds(_fleet.PauseSeconds)),
            _fleet.Seed);
        return _mobility;
    }

    private async Task HeartbeatAsync(SimulatedDevice device, string credential, HeartbeatRequest request, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            device.Heard(await channel.HeartbeatAsync(credential, request, ct), now);
        }
        catch (TerminalProtocolException refused) when (refused.Code is ProtocolError.Unauthenticated or ProtocolError.CredentialRevoked)
        {
            // An operator revoked it: the terminal is out, as a device whose credential was revoked would be.
            credentials.Forget(device.Id);
            logger.LogWarning("Simulated terminal {TerminalId} lost its credential and goes silent: {Reason}", device.Id, refused.Message);
        }
        catch (TerminalProtocolException refused)
        {
            logger.LogWarning("Simulated terminal {TerminalId}: heartbeat refused ({Code}): {Reason}", device.Id, refused.Code, refused.Message);
        }
    }
}
