using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Where a terminal learns its assignment, takes it up, reports how it stands while training, and gives it up.
/// Over the protocol, the <see cref="TerminalProtocol.WorkDesk"/> calls it.
/// </summary>
public sealed class AssignmentDesk(
    IDbContextFactory<FedDbContext> dbFactory,
    RoundContinuation continuation,
    ILivePublisher live,
    TimeProvider clock)
{
    private const int EndAttempts = 3;

    /// <returns>The assignment while it is open (waits to be taken up, or training); null once over, or when the round moved on.</returns>
    public async Task<TerminalAssignment?> FindAsync(int participantId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One query for the participation and what it needs, asked before every simulated terminal's training.
        var found = await db.RoundParticipants.AsNoTracking()
            .Where(p => p.Id == participantId && (p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training))
            .Join(db.Rounds.Where(r => r.Phase == RoundPhase.Collecting), p => p.RoundId, r => r.Id, (p, r) => new { Participant = p, Round = r })
            .Join(db.TrainingJobs, x => x.Round.JobId, j => j.Id, (x, j) => new { x.Participant, x.Round, Job = j })
            .Join(db.Terminals, x => x.Participant.TerminalId, t => t.Id, (x, t) => new { x.Participant, x.Round, x.Job, Terminal = t })
            .Join(db.EdgeServers, x => x.Participant.EdgeId, e => e.Id, (x, e) => new { x.Participant, x.Round, x.Job, x.Terminal, e.Policy })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var (participant, round) = (found.Participant, found.Round);
        var shared = await db.SharedDataGrants
            .Where(g => g.ParticipantId == participant.Id)
            .Join(db.Terminals, g => g.DonorTerminalId, t => t.Id, (g, t) => new SharedSamples(t.DataOrdinal, g.Samples))
            .ToListAsync(ct);
        return new TerminalAssignment(participant.Id, found.Terminal, participant.EdgeId, round.Id, round.Number, found.Job, participant.Assignment.BaseModelHash,
            participant.TrainedPart, found.Policy, shared, round.Deadline);
    }

    /// <summary>The terminal starts training, on data from <paramref name="source"/> with <paramref name="sharedSamples"/> of other terminals'.</summary>
    /// <returns>False when the assignment is no longer there to take up: another run of this step, or the deadline, got there first.</returns>
    public async Task<bool> StartAsync(int participantId, DataSource source, int sharedSamples, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.RoundParticipants.SingleAsync(p => p.Id == participantId, ct);
        if (participant.Status != ParticipantStatus.Assigned) return false;
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == participant.RoundId, ct);
        if (round.Phase != RoundPhase.Collecting) return false;
        participant.Start(clock.GetUtcNow());
        participant.UseData(source, sharedSamples);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, participant.TerminalId, participant.Status, clock.GetUtcNow()));
        return true;
    }

    /// <summary>The CPU load the terminal last reported; called from a simulated device's training thread, so synchronous.</summary>
    public double LoadOf(int terminalId)
    {
        using var db = dbFactory.CreateDbContext();
        return db.Terminals.Where(t => t.Id == terminalId).Select(t => t.CpuLoad).Single();
    }

    /// <summary>The terminal gives its open assignment up with <paramref name="reason"/>; the round may then be complete.</summary>
    public Task FailAsync(int participantId, string reason, CancellationToken ct) => EndAsync(participantId, (p, at) => p.Fail(reason, at), ct);

    /// <summary>The participant's terminal fell silent: it is timed out now, not at the deadline; the round may then be complete.</summary>
    public Task TimeOutAsync(int participantId, string reason, CancellationToken ct) => EndAsync(participantId, (p, at) => p.TimeOut(at, reason), ct);

    // A concurrent change (a model swap, the fleet noting the edge it reports through) only costs a re-read; one that
    // ended the participation leaves nothing to end.
    private Task EndAsync(int participantId, Action<RoundParticipant, DateTimeOffset> end, CancellationToken ct) =>
        OptimisticRetry.RunAsync(EndAttempts, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var participant = await db.RoundParticipants.SingleAsync(p => p.Id == participantId, ct);
            if (!participant.IsOpen) return false;
            var now = clock.GetUtcNow();
            end(participant, now);
            await db.SaveChangesAsync(ct);
            var jobId = await db.Rounds.Where(r => r.Id == participant.RoundId).Select(r => r.JobId).SingleAsync(ct);
            await live.PublishAsync(new ParticipantChanged(jobId, participant.RoundId, participant.TerminalId, participant.Status, now));
            await continuation.AfterOutcomeAsync(participant.RoundId, ct);
            return true;
        }, exhausted: () => false);
}
