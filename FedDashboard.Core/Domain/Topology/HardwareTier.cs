namespace FedDashboard.Core.Domain.Topology;

public enum HardwareTier
{
    Low,
    Mid,
    High,
}
