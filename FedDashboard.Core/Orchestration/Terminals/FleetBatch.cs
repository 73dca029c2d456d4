using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Heartbeats of the fleet's terminals, the latest of each, applied together by <see cref="CommitAsync"/> in one statement
/// (<see cref="ReportedTerminals"/>). Opened by <see cref="FleetIntake.OpenAsync"/> with the open participations read;
/// the caller disposes it. Not thread-safe.
/// </summary>
public sealed class FleetBatch : IAsyncDisposable
{
    private readonly FedDbContext _db;
    private readonly FleetIntake _intake;
    private readonly Dictionary<int, Heartbeat> _reported = [];

    internal FleetBatch(FleetIntake intake, FedDbContext db, IReadOnlyList<RoundParticipant> open, DateTimeOffset recent, DateTimeOffset now)
    {
        _intake = intake;
        _db = db;
        Now = now;
        Recent = recent;
        Open = open;
    }

    public DateTimeOffset Now { get; }

    /// <summary>The latest heartbeat of each terminal reported in this batch.</summary>
    internal IReadOnlyCollection<Heartbeat> Reported => _reported.Values;

    /// <summary>The open participations, read untracked.</summary>
    internal IReadOnlyList<RoundParticipant> Open { get; }

    /// <summary>A participation that reported since then still shows as an upload on the map.</summary>
    internal DateTimeOffset Recent { get; }

    public void Report(Heartbeat heartbeat) => _reported[heartbeat.TerminalId] = heartbeat;

    /// <summary>Saves the heartbeats, keeps the telemetry history, lets participants that left coverage depart, and publishes the fleet.</summary>
    public Task CommitAsync(CancellationToken ct) => _intake.CommitAsync(_db, this, ct);

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
