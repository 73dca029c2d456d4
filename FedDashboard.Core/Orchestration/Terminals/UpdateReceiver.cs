using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// The edge's intake of trained results: records an upload that passed the <see cref="TerminalProtocol.ResultIntake"/>'s
/// checks (names, shapes, finite values, claims) as the participant's result, with its accuracy on the validation data
/// (<see cref="ResultValidation"/>), once, even when retries of it arrive together. An upload that is no longer the
/// terminal's to send (another terminal's, a closed round or assignment, a model narrowed since the check) is refused
/// with its code and changes nothing. The last awaited upload triggers aggregation.
/// </summary>
public sealed class UpdateReceiver(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    ResultValidation validation,
    RoundContinuation continuation,
    ILivePublisher live,
    TimeProvider clock)
{
    public async Task<UpdateOutcome> SubmitAsync(TerminalUpdate update, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One query for the participant, its round, the job's model and the terminal (the participant and the terminal
        // change below).
        var found = await db.RoundParticipants.Where(p => p.Id == update.ParticipantId && p.TerminalId == update.TerminalId)
            .Join(db.Rounds, p => p.RoundId, r => r.Id, (p, r) => new { Participant = p, Round = r })
            .Join(db.TrainingJobs, x => x.Round.JobId, j => j.Id, (x, j) => new { x.Participant, x.Round, j.Settings.Model })
            .Join(db.Terminals, x => x.Participant.TerminalId, t => t.Id, (x, t) => new { x.Participant, x.Round, x.Model, Terminal = t })
            .SingleOrDefaultAsync(ct);
        if (found is null)
            return UpdateOutcome.Reject(ProtocolError.NotYourAssignment, $"Terminal {update.TerminalId} has no assignment {update.ParticipantId}.");
        var (participant, round, model, terminal) = (found.Participant, found.Round, found.Model, found.Terminal);
        if (round.Phase != RoundPhase.Collecting)
            return UpdateOutcome.Reject(ProtocolError.RoundClosed, $"Round {round.Number} is {round.Phase}; it no longer accepts updates.");
        if (!participant.IsOpen)
            return UpdateOutcome.Reject(
                participant.Status == ParticipantStatus.Reported ? ProtocolError.AlreadyReported : ProtocolError.AssignmentClosed,
                $"Assignment {participant.Id} is already {participant.Status}.");

        // The intake checked the shapes against the part as it was; a swap granted since narrowed it.
        var spec = participant.TrainedPart.Spec(model);
        if (new[] { update.Parameters, update.ControlDelta }.OfType<ParameterSet>().Select(set => ModelLayout.Mismatch(set, spec)).FirstOrDefault(m => m is not null) is { } mismatch)
            return UpdateOutcome.Reject(ProtocolError.WrongShape, $"The model of assignment {participant.Id} changed while the upload arrived: {mismatch}.");

        var accuracy = validation.AccuracyOf(participant.TrainedPart.Trained(update.Parameters, model));
        var now = clock.GetUtcNow();
        if (update.LocalWork is { } work) participant.RecordLocalWork(work.PlannedSteps, work.StepsDone);
        participant.Report(blobs.Put(update.Parameters), update.Samples, update.TrainLoss, update.TrainAccuracy, now, update.UploadKey,
            update.ControlDelta is { } delta ? blobs.Put(delta) : null);
        participant.RecordValidation(accuracy);
        terminal.RecordTrainingSpeed(update.SamplesPerSecond);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UpdateOutcome.Reject(ProtocolError.AssignmentClosed,
                $"Assignment {participant.Id} changed while the upload arrived (timed out or reported meanwhile); the upload was not counted.");
        }

        await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, participant.TerminalId, participant.Status, now));
        await continuation.AfterOutcomeAsync(round.Id, ct);
        return UpdateOutcome.Accept($"Update from terminal {update.TerminalId} accepted for round {round.Number} ({update.Samples} samples).");
    }
}
