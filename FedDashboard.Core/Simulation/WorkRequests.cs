using FedDashboard.Core.Orchestration.Options;


namespace FedDashboard.Core.Simulation;

/// <summary>A simulated terminal asks its edge for work while it is idle, reachable, unloaded and charged enough.</summary>
internal static class WorkRequests
{
    public static bool Wanted(bool idle, bool inCoverage, DeviceTelemetry telemetry, FleetOptions fleet, SimulationOptions simulation) =>
        idle && telemetry.Online && inCoverage
            && telemetry.CpuLoad < simulation.RequestWorkBelowLoad
            && telemetry.Battery >= fleet.DeclineBelowBattery;
}
