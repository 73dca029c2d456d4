namespace FedDashboard.Core.Simulation;

/// <summary>
/// Simulated telemetry: CPU load wanders around a per-terminal level with occasional spikes (another app wakes up),
/// batteries drain (faster under load) and recharge when low, and now and then a terminal drops off the network.
/// Deterministic for the fleet's seed; not thread-safe.
/// </summary>
internal sealed class TelemetryDynamics(int seed)
{
    // About one spike a second across a fleet of 100, so some land on terminals mid-training.
    private const double SpikeChancePerTick = 0.01;

    private readonly Random _random = new(seed);
    private readonly HashSet<int> _charging = [];

    /// <returns>What the terminal reports next; a busy terminal (taken for a round, or training) stays online.</returns>
    public DeviceTelemetry Step(SimulatedDevice terminal)
    {
        var baseline = 0.15 + 0.1 * (terminal.Id % 5);
        var load = terminal.CpuLoad + 0.3 * (baseline - terminal.CpuLoad) + 0.08 * (_random.NextDouble() - 0.5) * 2;
        if (_random.NextDouble() < SpikeChancePerTick) load = Math.Max(load, 0.85 + 0.15 * _random.NextDouble());
        if (terminal.Busy) load = Math.Max(load, 0.6);
        load = Math.Clamp(load, 0, 1);

        if (terminal.Battery < 0.15) _charging.Add(terminal.Id);
        else if (terminal.Battery > 0.95) _charging.Remove(terminal.Id);
        var battery = _charging.Contains(terminal.Id)
            ? terminal.Battery + 0.02
            : terminal.Battery - 0.001 - 0.004 * load;
        battery = Math.Clamp(battery, 0, 1);

        var online = terminal.Online ? _random.NextDouble() > 0.003 : _random.NextDouble() < 0.1;
        var memory = Math.Clamp(terminal.FreeMemoryMb + _random.Next(-64, 65), 256, 8192);
        return new DeviceTelemetry(load, battery, memory, online || terminal.Busy);
    }
}

internal readonly record struct DeviceTelemetry(double CpuLoad, double Battery, int FreeMemoryMb, bool Online);
