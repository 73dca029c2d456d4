using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Orchestration.Live;

/// <summary>Something the dashboard shows as it happens. Each concrete type travels under its own hub method name.</summary>
public abstract record LiveEvent(DateTimeOffset At);

public sealed record RoundPhaseChanged(int JobId, int RoundId, int RoundNumber, RoundPhase Phase, DateTimeOffset At) : LiveEvent(At);

public sealed record ParticipantChanged(int JobId, int RoundId, int TerminalId, ParticipantStatus Status, DateTimeOffset At) : LiveEvent(At);

/// <summary>A candidate was made or a version decided or published; <paramref name="Number"/> is null for a candidate not promoted.</summary>
public sealed record ModelVersionChanged(int JobId, int VersionId, int? Number, int? RoundNumber, double? TestAccuracy, double? TestLoss, ModelVersionStatus Status, DateTimeOffset At) : LiveEvent(At);

/// <summary>A round's accepted results were rewarded: how many, and their total in the policy's currency.</summary>
public sealed record RoundRewarded(int JobId, int RoundId, int Rewards, decimal Total, string Currency, DateTimeOffset At) : LiveEvent(At);

/// <summary>A client's training request was submitted, ended or cancelled; <paramref name="JobId"/> is the job it runs as.</summary>
public sealed record TrainingRequestChanged(int RequestId, int ClientId, int? JobId, TrainingRequestStatus Status, DateTimeOffset At) : LiveEvent(At)
{
    public static TrainingRequestChanged Of(TrainingRequest request, DateTimeOffset at) => new(request.Id, request.ClientId, request.JobId, request.Status, at);
}

public sealed record JobChanged(int JobId, JobStatus Status, string? Reason, DateTimeOffset At) : LiveEvent(At);

/// <summary>The fleet after one telemetry tick: counts and load, for the overview's KPIs and load chart.</summary>
public sealed record FleetTick(int Terminals, int Online, int InCoverage, int Training, double MeanCpuLoad, double MaxCpuLoad, double MeanBattery, DateTimeOffset At) : LiveEvent(At);

public sealed record TerminalPosition(int TerminalId, double X, double Y, int? EdgeId, TerminalActivity Activity);

/// <summary>Every terminal's position and activity after one tick, for the coverage map.</summary>
public sealed record FleetPositions(IReadOnlyList<TerminalPosition> Terminals, DateTimeOffset At) : LiveEvent(At), IWholeStateEvent;
