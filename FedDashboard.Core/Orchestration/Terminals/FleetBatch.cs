using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Heartbeats of the fleet's terminals, at most one each, applied together by <see cref="CommitAsync"/>: the terminals that
/// report are read (untracked) when it opens, changed by their domain methods, and written back in one statement. Opened by
/// <see cref="FleetIntake.OpenAsync"/>; the caller disposes it. Not thread-safe.
/// </summary>
public sealed class FleetBatch : IAsyncDisposable
{
    private readonly FedDbContext _db;
    private readonly Dictionary<int, Terminal> _byId;
    private readonly List<CoverageEvent> _coverageEvents = [];
    private readonly FleetIntake _intake;

    private readonly Dictionary<int, Terminal> _reported = [];

    internal FleetBatch(FleetIntake intake, FedDbContext db, IReadOnlyList<Terminal> reporting, IReadOnlyList<RoundParticipant> participations, DateTimeOffset now)
    {
        _intake = intake;
        _db = db;
        Now = now;
        Participations = participations;
        Open = [.. participations.Where(p => p.IsOpen)];
        _byId = reporting.ToDictionary(t => t.Id);
    }

    public DateTimeOffset Now { get; }

    /// <summary>The terminals a heartbeat of this batch changed, by id.</summary>
    internal IReadOnlyDictionary<int, Terminal> Reported => _reported;
    internal IReadOnlyList<RoundParticipant> Participations { get; }
    internal IReadOnlyList<RoundParticipant> Open { get; }
    internal IReadOnlyList<CoverageEvent> CoverageEvents => _coverageEvents;

    public void Report(Heartbeat heartbeat)
    {
        var terminal = _byId.TryGetValue(heartbeat.TerminalId, out var known)
            ? known
            : throw new ArgumentException($"Terminal {heartbeat.TerminalId} is not enrolled. (A batch takes heartbeats from the terminals it was opened for.)", nameof(heartbeat));
        // A terminal's first heartbeat places it where it enrolled from; only a later one can show it moving.
        var heardBefore = terminal.OnlineUntil is not null;
        if (heardBefore && terminal.EdgeId != heartbeat.EdgeId) _coverageEvents.Add(new CoverageEvent(terminal.Id, terminal.EdgeId, heartbeat.EdgeId, Now));
        terminal.MoveTo(heartbeat.X, heartbeat.Y, heartbeat.EdgeId);
        terminal.ReportTelemetry(heartbeat.CpuLoad, heartbeat.Battery, heartbeat.FreeMemoryMb, online: true, Now);
        terminal.DescribeData(heartbeat.App, heartbeat.DataSamples, terminal.DataAnonymized, heartbeat.DataUpdatedAt);
        terminal.Heard(heartbeat.OnlineUntil, heartbeat.AgentVersion);
        if (heartbeat.WantsWork) terminal.RequestWork(Now);
        else terminal.WithdrawWorkRequest();
        _reported[terminal.Id] = terminal;
    }

    /// <summary>Saves the heartbeats, keeps the telemetry history, lets participants that left coverage depart, and publishes the fleet.</summary>
    public Task CommitAsync(CancellationToken ct) => _intake.CommitAsync(_db, this, ct);

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
