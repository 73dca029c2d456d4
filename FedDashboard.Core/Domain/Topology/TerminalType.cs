namespace FedDashboard.Core.Domain.Topology;

public enum TerminalType
{
    Phone,
    Tablet,
    IoT,
}
