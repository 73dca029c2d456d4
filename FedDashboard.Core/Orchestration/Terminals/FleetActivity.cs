using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Orchestration.Terminals;

internal static class FleetActivity
{
    /// <param name="participation">The terminal's open participation, else one that reported within the last tick, else null.</param>
    public static TerminalActivity Of(bool online, bool inCoverage, ParticipantStatus? participation)
    {
        if (!online) return TerminalActivity.Offline;
        if (!inCoverage) return TerminalActivity.OutOfCoverage;
        return participation switch
        {
            ParticipantStatus.Training => TerminalActivity.Training,
            // The upload itself takes no time here; a report within the last tick stands in for it on the map.
            ParticipantStatus.Reported => TerminalActivity.Uploading,
            _ => TerminalActivity.Idle,
        };
    }
}
