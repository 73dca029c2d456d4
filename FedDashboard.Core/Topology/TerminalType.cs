namespace FedDashboard.Core.Topology;

public enum TerminalType
{
    Phone,
    Tablet,
    IoT,
}
