namespace FedDashboard.Core.Domain.Topology;

/// <summary>Who runs the terminal: the dashboard's simulated fleet, or an agent program on a device.</summary>
public enum TerminalOrigin
{
    Simulated,
    Agent,
}
