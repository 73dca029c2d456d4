namespace FedDashboard.Core.Topology;

public enum HardwareTier
{
    Low,
    Mid,
    High,
}
