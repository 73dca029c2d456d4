using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// A terminal's periodic report as its edge received it: where it is and which edge covers it (null: none), its
/// telemetry and data, whether it asks for work (availability mode TerminalsAsk), the agent it runs, and until when it
/// counts as online.
/// </summary>
public sealed record Heartbeat(
    int TerminalId, double X, double Y, int? EdgeId, double CpuLoad, double Battery, int FreeMemoryMb, bool WantsWork,
    string App, int DataSamples, DateTimeOffset DataUpdatedAt, string AgentVersion, DateTimeOffset OnlineUntil);
