namespace FedDashboard.Core.Domain.Topology;

/// <summary>What a terminal is doing now, as the coverage map colours it.</summary>
public enum TerminalActivity
{
    Idle,
    Training,
    Uploading,
    OutOfCoverage,
    Offline,
}
