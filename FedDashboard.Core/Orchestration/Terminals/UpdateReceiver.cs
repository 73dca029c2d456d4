using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// The edge's intake of terminal uploads, for simulated and real terminals alike. An upload that is not the terminal's
/// to send (unknown assignment, another terminal's, a closed round) or is malformed is refused with its reason and
/// changes nothing; an unusable result (NaN or infinite values, the wrong shape) is filtered with its reason and never
/// reaches aggregation. The last awaited upload triggers aggregation.
/// </summary>
public sealed class UpdateReceiver(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    IRoundScheduler scheduler,
    ILivePublisher live,
    TimeProvider clock)
{
    public async Task<UpdateOutcome> SubmitAsync(TerminalUpdate update, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.RoundParticipants.SingleOrDefaultAsync(p => p.Id == update.ParticipantId, ct);
        if (participant is null || participant.TerminalId != update.TerminalId)
            return UpdateOutcome.Reject($"Terminal {update.TerminalId} has no assignment {update.ParticipantId}.");
        var round = await db.Rounds.SingleAsync(r => r.Id == participant.RoundId, ct);
        if (round.Phase != RoundPhase.Collecting)
            return UpdateOutcome.Reject($"Round {round.Number} is {round.Phase}; it no longer accepts updates.");
        if (!participant.IsOpen)
            return UpdateOutcome.Reject($"Assignment {participant.Id} is already {participant.Status}.");
        if (Malformed(update) is { } malformed)
            return UpdateOutcome.Reject(malformed);
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == round.JobId, ct);

        var now = clock.GetUtcNow();
        var unusable = Unusable(update, participant.TrainedPart.Spec(job.Settings.Model));
        if (unusable is not null)
        {
            participant.Filter(unusable, now);
        }
        else
        {
            if (update.LocalWork is { } work) participant.RecordLocalWork(work.PlannedSteps, work.StepsDone);
            participant.Report(blobs.Put(update.Parameters), update.Samples, update.TrainLoss, update.TrainAccuracy, now);
            var terminal = await db.Terminals.SingleAsync(t => t.Id == update.TerminalId, ct);
            terminal.RecordTrainingSpeed(update.SamplesPerSecond);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UpdateOutcome.Reject($"Assignment {participant.Id} changed while the upload arrived (timed out or reported twice); the upload was not counted.");
        }

        await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, participant.TerminalId, participant.Status, now));
        await db.AggregateWhenReadyAsync(round.Id, scheduler, now, ct);
        return unusable is null
            ? UpdateOutcome.Accept($"Update from terminal {update.TerminalId} accepted for round {round.Number} ({update.Samples} samples).")
            : UpdateOutcome.Reject($"Update from terminal {update.TerminalId} filtered in round {round.Number}: {unusable}");
    }

    /// <summary>What makes the upload itself unreadable; it is refused and the terminal may send it again.</summary>
    private static string? Malformed(TerminalUpdate update)
    {
        if (update.Samples <= 0) return $"Samples must be positive (was {update.Samples}).";
        if (update.LocalWork is { } work && !(work.StepsDone >= 0 && work.PlannedSteps >= work.StepsDone))
            return $"Local work must have 0 <= steps done <= planned steps (was {work.StepsDone} of {work.PlannedSteps}).";
        return null;
    }

    /// <param name="spec">The model the participant trains now: its width shrinks after a swap, and so must the update.</param>
    /// <summary>What makes the result unusable: the assignment's result is filtered with this reason and its parameters are not kept.</summary>
    private static string? Unusable(TerminalUpdate update, ModelSpec spec)
    {
        if (ModelLayout.Mismatch(update.Parameters, spec) is { } mismatch)
            return $"The update's parameter names or shapes differ from the {ModelLayout.Describe(spec)} the terminal trains: {mismatch}.";
        if (update.Parameters.HasNonFinite()) return "The update contains NaN or infinite values.";
        if (!double.IsFinite(update.TrainLoss) || !double.IsFinite(update.TrainAccuracy)) return "The reported training loss and accuracy must be finite numbers.";
        return null;
    }
}
