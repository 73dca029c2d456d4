using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;


namespace FedDashboard.Model;

public sealed record TelemetryPoint(DateTimeOffset At, double CpuLoad, double Battery, double TrainingSpeed, bool Online);

public sealed record CoverageEventRow(DateTimeOffset At, string? From, string? To)
{
    public string Kind => From is null ? "entered" : To is null ? "left" : "moved";

    public string Text => Kind switch
    {
        "entered" => $"entered {To}",
        "left" => $"left {From}",
        _ => $"moved from {From} to {To}",
    };
}

public sealed record TerminalRoundRow(
    int RoundId, int RoundNumber, ParticipantStatus Status, double AssignedWidth, double Width, DateTimeOffset? SwappedAt, string? SwapReason,
    string? Segment, int Samples, int SharedSamples, double? TrainAccuracy, string? Reason, DateTimeOffset AssignedAt);

public sealed record TerminalDetail(TerminalRow Terminal, IReadOnlyList<TelemetryPoint> History, IReadOnlyList<CoverageEventRow> Coverage, IReadOnlyList<TerminalRoundRow> Rounds,
    TerminalIdentity Identity);
