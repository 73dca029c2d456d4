using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// Applies the heartbeats waiting in the <see cref="HeartbeatInbox"/> through the one bulk intake (<see cref="FleetIntake"/>:
/// coverage events, departures under the leave-coverage policy, telemetry history, live updates), and takes terminals
/// offline: those silent past their OnlineUntil, and those that leave. An open participation of a silent terminal is timed
/// out at once, or handed to a standby where its edge replaces participants; one of a terminal that leaves fails.
/// Flush, sweep and leave run one at a time, so a sweep never judges a terminal whose heartbeat this node is still writing.
/// Thread-safe; one per process.
/// </summary>
/// <remarks>
/// Heartbeats are telemetry: those answered since the last flush are lost if the process dies, or if their flush fails;
/// the terminal's next heartbeat says it all again, and OnlineUntil tolerates a missed one.
/// </remarks>
public sealed class TerminalLiveness(
    IDbContextFactory<FedDbContext> dbFactory,
    HeartbeatInbox inbox,
    HeartbeatAnswers answers,
    FleetIntake intake,
    FleetRegistry registry,
    AssignmentDesk desk,
    StandbyReplacement standby,
    IOptions<TerminalOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// The most heartbeats one flush writes: a backlog (a slow database, a node that took over a fleet) is written over
    /// the next flushes, each as quick as usual, instead of in one flush that grows with it while the live pages wait.
    /// At 20,000 heartbeats a second and four flushes a second a flush writes 5,000.
    /// </summary>
    internal const int MostPerFlush = 10_000;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Writes heartbeats received since the last flush, if any: up to <see cref="MostPerFlush"/>, the rest at the next.</summary>
    public Task FlushAsync(CancellationToken ct) => OneAtATimeAsync(() => FlushHeartbeatsAsync(always: false, ct), ct);

    /// <summary>Writes every heartbeat waiting, <see cref="MostPerFlush"/> at a time: for a fleet that is not heartbeating yet.</summary>
    public Task FlushAllAsync(CancellationToken ct) => OneAtATimeAsync(async () =>
    {
        while (!inbox.IsEmpty) await FlushHeartbeatsAsync(always: false, ct);
    }, ct);

    /// <summary>Takes every terminal silent past its OnlineUntil offline and ends its open participation.</summary>
    public Task SweepAsync(CancellationToken ct) => OneAtATimeAsync(async () =>
    {
        var now = clock.GetUtcNow();
        // Another node may hold a heartbeat answered in time for up to a flush interval before writing it.
        var expiredBefore = now - TimeSpan.FromSeconds(options.Value.FlushSeconds);
        // A heartbeat answered but not yet written counts: its terminal is not judged (writing them all first would make
        // the sweep wait for a whole backlog's flush).
        var waiting = inbox.Waiting();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // One statement for the whole fleet (a node started late finds 100,000 silent), and only those still silent
            // as it runs: a heartbeat another node writes meanwhile keeps its terminal online. OnlineUntil stays, as
            // Terminal.GoOffline leaves it for a terminal whose promise has passed.
            var silent = await db.Database.SqlQuery<SilentTerminal>($"""
                UPDATE "Terminals" SET "Online" = false
                WHERE "Online" AND "OnlineUntil" < {expiredBefore} AND NOT ("Id" = ANY({waiting}))
                RETURNING "Id", "LastSeen", "OnlineUntil"
                """).ToListAsync(ct);
            if (silent.Count == 0) return;
            var open = await OpenParticipationsOfOfflineAsync(db, silent.Select(t => t.Id), ct);
            var reasons = silent.ToDictionary(t => t.Id, t => $"Silent since {t.LastSeen:u}: no heartbeat by {t.OnlineUntil:u}.");
            await EndSilentParticipationsAsync(db, open, reasons, ct);
        }
        await FlushHeartbeatsAsync(always: true, ct);
    }, ct);

    /// <summary>The terminal goes offline now; its open participation fails as left.</summary>
    public Task LeaveAsync(int terminalId, CancellationToken ct) => OneAtATimeAsync(async () =>
    {
        inbox.Drop(terminalId);
        var now = clock.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var terminal = await db.Terminals.SingleAsync(t => t.Id == terminalId, ct);
            terminal.GoOffline(now);
            await db.SaveChangesAsync(ct);
            foreach (var participant in await OpenParticipationsOfOfflineAsync(db, [terminalId], ct))
                await desk.FailAsync(participant.Id, $"Left: the terminal went offline at {now:u}.", ct);
        }
        await FlushHeartbeatsAsync(always: true, ct);
    }, ct);

    private async Task OneAtATimeAsync(Func<Task> work, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            await work();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <param name="always">Also without heartbeats, so the live pages hear of terminals gone offline.</param>
    private async Task FlushHeartbeatsAsync(bool always, CancellationToken ct)
    {
        var heartbeats = inbox.Take(MostPerFlush);
        if (heartbeats.Count == 0 && !always) return;
        var now = clock.GetUtcNow();
        // A report within the last heartbeat interval shows as an upload on the map.
        await using var batch = await intake.OpenAsync(now - TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), now, ct);
        foreach (var heartbeat in heartbeats) batch.Report(heartbeat);
        await batch.CommitAsync(ct);
        answers.Refresh(await registry.EdgesAsync(ct), batch.Open);
    }

    /// <summary>Each open participation of a silent terminal: a standby takes over where the edge replaces participants, else it times out.</summary>
    private async Task EndSilentParticipationsAsync(FedDbContext db, List<OpenParticipation> open, IReadOnlyDictionary<int, string> reasons, CancellationToken ct)
    {
        if (open.Count == 0) return;
        var replacing = (await db.EdgeServers.AsNoTracking().ToListAsync(ct)).ToDictionary(e => e.Id, e => e.Policy.ReplaceBelowSpeed is not null);
        foreach (var participant in open)
        {
            var reason = reasons[participant.TerminalId];
            if (replacing[participant.EdgeId] && await standby.TryTakeOverFromSilentAsync(participant.Id, reason, ct)) continue;
            await desk.TimeOutAsync(participant.Id, reason, ct);
        }
    }

    /// <summary>
    /// The open participations of terminals just marked offline, read under the <see cref="SelectionLock"/>: a round start
    /// or standby pick that read them online before saves its participations first, so they are found here.
    /// </summary>
    private static async Task<List<OpenParticipation>> OpenParticipationsOfOfflineAsync(FedDbContext db, IEnumerable<int> terminalIds, CancellationToken ct)
    {
        var ids = terminalIds.ToList();
        await using var selecting = await SelectionLock.TakeAsync(db, ct);
        return await db.RoundParticipants
            .Where(p => ids.Contains(p.TerminalId) && (p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training))
            .Select(p => new OpenParticipation(p.Id, p.TerminalId, p.EdgeId))
            .ToListAsync(ct);
    }

    private sealed record SilentTerminal(int Id, DateTimeOffset LastSeen, DateTimeOffset OnlineUntil);

    private sealed record OpenParticipation(int Id, int TerminalId, int EdgeId);
}
