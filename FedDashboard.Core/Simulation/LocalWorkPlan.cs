using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Simulation;

/// <summary>How much a simulated terminal trains, and how fast, given its load when it starts.</summary>
public sealed record LocalWorkPlan(int PlannedSteps, int Steps)
{
    /// <summary>
    /// The full work is the edge's plan: E epochs of ⌈n / B⌉ steps. Above BusyAboveLoad the terminal does that share
    /// of it which its spare capacity allows, (1 − load) / (1 − BusyAboveLoad), and at least one step of a plan that has one.
    /// </summary>
    public static LocalWorkPlan For(double cpuLoad, int plannedSteps, SimulationOptions simulation)
    {
        if (plannedSteps == 0 || !(cpuLoad > simulation.BusyAboveLoad)) return new(plannedSteps, plannedSteps);
        var share = (1 - cpuLoad) / (1 - simulation.BusyAboveLoad);
        return new(plannedSteps, Math.Clamp((int)Math.Floor(plannedSteps * share), 1, plannedSteps));
    }

    /// <summary>
    /// The device's speed: its tier's idle speed times its spare capacity (at least 5 %, so a saturated device still
    /// crawls on); 0 when the tier's speed is 0, which trains at the server's own speed.
    /// </summary>
    public static double PacedSamplesPerSecond(HardwareTier tier, double cpuLoad, SimulationOptions simulation)
    {
        var idle = tier switch
        {
            HardwareTier.Low => simulation.LowTierSamplesPerSecond,
            HardwareTier.Mid => simulation.MidTierSamplesPerSecond,
            _ => simulation.HighTierSamplesPerSecond,
        };
        return idle * Math.Max(1 - cpuLoad, 0.05);
    }
}
