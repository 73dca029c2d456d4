using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>What the edge knows of a participant now: its status, and the load its terminal last reported.</summary>
public sealed record TerminalCheck(ParticipantStatus Status, double CpuLoad);
