using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>The edge hands a participant's place to a standby terminal in its coverage: a slow one's, or a silent one's.</summary>
public sealed class StandbyReplacement(
    IDbContextFactory<FedDbContext> dbFactory,
    IAssignmentNotifier assignments,
    ILivePublisher live,
    IOptions<FleetOptions> fleet,
    TimeProvider clock)
{
    /// <summary>
    /// Marks the training participant replaced and adds the first idle terminal now in the edge's coverage that would not
    /// decline, with the same model, width, group and segment; then announces the standby's assignment.
    /// </summary>
    /// <returns>False, changing nothing, when nobody can stand by or the participant stopped training meanwhile.</returns>
    public Task<bool> TryReplaceAsync(int participantId, string reason, CancellationToken ct) =>
        TryHandOverAsync(participantId, p => p.Status == ParticipantStatus.Training, (p, at) => p.Replace(reason, at), ct);

    /// <summary>The open participant's terminal fell silent: it is timed out with <paramref name="reason"/> and a standby takes its place as above.</summary>
    /// <returns>False, changing nothing, when nobody can stand by or the participation ended meanwhile.</returns>
    public Task<bool> TryTakeOverFromSilentAsync(int participantId, string reason, CancellationToken ct) =>
        TryHandOverAsync(participantId, p => p.IsOpen, (p, at) => p.TimeOut(at, reason), ct);

    private async Task<bool> TryHandOverAsync(
        int participantId, Func<RoundParticipant, bool> mayHandOver, Action<RoundParticipant, DateTimeOffset> end, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        RoundParticipant participant, replacement;
        Terminal? standby;
        Round round;
        DateTimeOffset now;
        await using (await SelectionLock.TakeAsync(db, ct))
        {
            participant = await db.RoundParticipants.SingleAsync(p => p.Id == participantId, ct);
            if (!mayHandOver(participant)) return false;
            round = await db.Rounds.SingleAsync(r => r.Id == participant.RoundId, ct);
            var job = await db.TrainingJobs.SingleAsync(j => j.Id == round.JobId, ct);
            var inRound = db.RoundParticipants.Where(p => p.RoundId == round.Id).Select(p => p.TerminalId);
            var candidates = await db.IdleTerminalsFor(job)
                .Where(t => t.EdgeId == participant.EdgeId && !inRound.Contains(t.Id))
                .OrderBy(t => t.Id)
                .ToListAsync(ct);
            standby = candidates.FirstOrDefault(t => TerminalAvailability.DeclineReason(t, fleet.Value.Decline) is null);
            if (standby is null) return false;

            now = clock.GetUtcNow();
            end(participant, now);
            replacement = new RoundParticipant(standby.Id, participant.EdgeId, participant.Assignment.BaseModelHash, participant.Assignment.ModelVariant, now,
                participant.Assignment.Width, participant.Assignment.Group, participant.Assignment.Segment, replacesParticipantId: participant.Id);
            round.Participants.Add(replacement);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return false; // The participant changed meanwhile, or another replacement took the same standby.
            }
        }

        await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, participant.TerminalId, participant.Status, now));
        await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, replacement.TerminalId, replacement.Status, now));
        assignments.Assigned([new AssignedParticipant(replacement.Id, replacement.EdgeId, standby.Origin)]);
        return true;
    }
}
