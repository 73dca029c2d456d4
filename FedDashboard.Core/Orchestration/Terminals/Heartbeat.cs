using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// A terminal's periodic report: where it is and which edge covers it (null: none), its telemetry, and whether it
/// asks for work (availability mode TerminalsAsk).
/// </summary>
public sealed record Heartbeat(
    int TerminalId, double X, double Y, int? EdgeId, double CpuLoad, double Battery, int FreeMemoryMb, bool Online, bool WantsWork);

/// <summary>A terminal as its edge last heard of it, and whether it is busy with an assignment or training now.</summary>
public sealed record TerminalReading(
    int Id, double X, double Y, int? EdgeId, double CpuLoad, double Battery, int FreeMemoryMb, bool Online, bool Busy, bool Training);
