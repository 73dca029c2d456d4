using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Learning.Training;


namespace FedDashboard.Core.Simulation;

/// <summary>How much a simulated terminal trains, and how fast, given its load when it starts.</summary>
public sealed record LocalWorkPlan(int PlannedSteps, int Steps)
{
    /// <summary>
    /// The full work is E epochs of ⌈n / B⌉ steps. Above BusyAboveLoad the terminal does that share of it which its
    /// spare capacity allows, (1 − load) / (1 − BusyAboveLoad), and at least one step.
    /// </summary>
    public static LocalWorkPlan For(double cpuLoad, int samples, LocalTrainingSettings settings, SimulationOptions simulation)
    {
        var planned = settings.Epochs * (int)Math.Ceiling(samples / (double)settings.BatchSize);
        if (!(cpuLoad > simulation.BusyAboveLoad)) return new(planned, planned);
        var share = (1 - cpuLoad) / (1 - simulation.BusyAboveLoad);
        return new(planned, Math.Clamp((int)Math.Floor(planned * share), 1, planned));
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
