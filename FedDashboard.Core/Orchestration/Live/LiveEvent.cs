using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
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

/// <summary>How many terminals of an edge (null: outside every coverage) are in one activity.</summary>
public sealed record EdgeActivityCount(int? EdgeId, TerminalActivity Activity, int Terminals);

/// <summary>
/// The fleet on the coverage map after one tick, of a size that does not grow with the fleet beyond
/// <see cref="PositionsUpTo"/> terminals: how many terminals each edge has in each activity and each cell of the map's
/// <see cref="DensityGrid"/> holds, and each terminal's position only while the fleet is small enough to draw one by one.
/// A bigger fleet's terminals are read from the database on demand, a few hundred at a time.
/// </summary>
/// <param name="Positions">Every terminal's, up to <see cref="PositionsUpTo"/> terminals; else empty.</param>
public sealed record FleetMap(int Terminals, IReadOnlyList<EdgeActivityCount> Edges, IReadOnlyList<CellCount> Cells, IReadOnlyList<TerminalPosition> Positions,
    DateTimeOffset At) : LiveEvent(At), IWholeStateEvent
{
    /// <summary>Beyond this many terminals the map shows density: their positions stay where they are.</summary>
    public const int PositionsUpTo = 2_000;

    /// <summary>The map of the fleet at <paramref name="terminals"/>, binned on <paramref name="grid"/>.</summary>
    public static FleetMap Of(IReadOnlyList<TerminalPosition> terminals, DensityGrid grid, DateTimeOffset at) => new(
        terminals.Count,
        [.. terminals.CountBy(t => (t.EdgeId, t.Activity)).Select(c => new EdgeActivityCount(c.Key.EdgeId, c.Key.Activity, c.Value))],
        grid.Count(terminals.Select(t => (t.X, t.Y))),
        terminals.Count <= PositionsUpTo ? terminals : [],
        at);
}
