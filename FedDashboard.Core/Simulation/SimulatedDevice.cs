using FedDashboard.Core.Domain.Topology;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// A simulated terminal as the device itself knows it: its telemetry and data, whether it is on the network, and what its
/// edge answered to its last heartbeat (the covering edge, an open assignment). Not thread-safe.
/// </summary>
internal sealed class SimulatedDevice(Terminal terminal)
{
    /// <summary>What the simulated terminals report as their agent program.</summary>
    public const string AgentVersion = "fed-simulated/1";

    public int Id { get; } = terminal.Id;
    public double CpuLoad { get; private set; } = terminal.CpuLoad;
    public double Battery { get; private set; } = terminal.Battery;
    public int FreeMemoryMb { get; private set; } = terminal.FreeMemoryMb;
    // Whether the device is on the network is its own state, not the edge's view: a (re)started fleet starts on it.
    public bool Online { get; private set; } = true;
    public string App { get; } = terminal.App;
    public int DataSamples { get; } = terminal.DataSamples;
    public DateTimeOffset DataUpdatedAt { get; } = terminal.DataUpdatedAt;

    /// <summary>The edge covering the device where it last reported from; null outside every coverage.</summary>
    public int? EdgeId { get; private set; } = terminal.EdgeId;

    /// <summary>Its edge's last answer named an open assignment: taken for a round, or training.</summary>
    public bool Busy { get; private set; }

    public void Change(DeviceTelemetry telemetry) => (CpuLoad, Battery, FreeMemoryMb, Online) = telemetry;

    public HeartbeatRequest Heartbeat(double x, double y, bool wantsWork) =>
        new(x, y, CpuLoad, FreeMemoryMb, Battery, App, DataSamples, DataUpdatedAt, wantsWork, AgentVersion);

    /// <summary>When its edge expects its next heartbeat, as its last answer said; null before the first.</summary>
    public DateTimeOffset? HeartbeatDue { get; private set; }

    /// <param name="now">When the edge answered.</param>
    public void Heard(HeartbeatReply reply, DateTimeOffset now)
    {
        EdgeId = reply.EdgeId;
        Busy = reply.AssignmentId is not null;
        var interval = TimeSpan.FromSeconds(reply.HeartbeatSeconds);
        // A fleet started together would beat together; after its first heartbeat each device takes its own phase in the interval.
        HeartbeatDue = now + (HeartbeatDue is null ? interval * Phase : interval);
    }

    /// <summary>Spread evenly over [0, 1) by id (the golden ratio's fractional steps).</summary>
    private double Phase => Id * 0.6180339887498949 % 1;
}
