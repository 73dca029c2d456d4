namespace FedDashboard.Protocol;

/// <summary>
/// A terminal's periodic report: where it is (map coordinates), its load, memory and battery (fractions 0..1), its data,
/// and whether it asks for work (an edge whose availability policy lets terminals ask).
/// </summary>
public sealed record HeartbeatRequest(
    double X, double Y, double CpuLoad, int FreeMemoryMb, double Battery, string App, int DataSamples, DateTimeOffset DataUpdatedAt,
    bool WantsWork, string AgentVersion);

/// <summary>
/// The edge's answer: the terminal counts as online until <see cref="OnlineUntil"/> (now + 2 heartbeat intervals),
/// which edge covers its position (null: none), the open assignment it should look at, if any, and the URL of the live
/// node started for that edge (<see cref="EdgeNodeUrl"/>), where the terminal should send its next calls; null: keep
/// calling the URL it was given. Added after v1's first release: older agents ignore it.
/// </summary>
public sealed record HeartbeatReply(DateTimeOffset OnlineUntil, double HeartbeatSeconds, int? EdgeId, int? AssignmentId, string? EdgeNodeUrl = null);
