using FedDashboard.Core.Options;

namespace FedDashboard.Core.Topology.Fleet;

/// <summary>A simulated terminal asks its edge for work while it is idle, reachable, unloaded and charged enough.</summary>
internal static class WorkRequests
{
    public static void Update(Terminal terminal, bool idle, FleetOptions options, DateTimeOffset now)
    {
        var wantsWork = idle && terminal.Online && terminal.InCoverage
            && terminal.CpuLoad < options.RequestWorkBelowLoad
            && terminal.Battery >= options.DeclineBelowBattery;
        if (wantsWork) terminal.RequestWork(now);
        else terminal.WithdrawWorkRequest();
    }
}
