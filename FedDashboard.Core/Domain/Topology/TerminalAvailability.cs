namespace FedDashboard.Core.Domain.Topology;

/// <summary>A simulated terminal's answer when its edge asks whether it can train now.</summary>
public static class TerminalAvailability
{
    /// <returns>Null when the terminal accepts; otherwise why it declines.</returns>
    public static string? DeclineReason(Terminal terminal, DeclineThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (terminal.CpuLoad > thresholds.AboveLoad) return $"Busy: CPU load {terminal.CpuLoad:P0} is above {thresholds.AboveLoad:P0}.";
        if (terminal.Battery < thresholds.BelowBattery) return $"Low battery: {terminal.Battery:P0} is below {thresholds.BelowBattery:P0}.";
        return null;
    }
}
