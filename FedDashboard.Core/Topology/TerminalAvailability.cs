using FedDashboard.Core.Options;

namespace FedDashboard.Core.Topology;

/// <summary>A simulated terminal's answer when its edge asks whether it can train now.</summary>
public static class TerminalAvailability
{
    /// <returns>Null when the terminal accepts; otherwise why it declines.</returns>
    public static string? DeclineReason(Terminal terminal, FleetOptions fleet)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(fleet);
        if (terminal.CpuLoad > fleet.DeclineAboveLoad) return $"Busy: CPU load {terminal.CpuLoad:P0} is above {fleet.DeclineAboveLoad:P0}.";
        if (terminal.Battery < fleet.DeclineBelowBattery) return $"Low battery: {terminal.Battery:P0} is below {fleet.DeclineBelowBattery:P0}.";
        return null;
    }
}
