using FedDashboard.Core.Live;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration;

/// <summary>
/// Plays a simulated terminal's part in a round: takes up its assignment, trains for real (see
/// <see cref="TerminalTraining"/>) and uploads the result through the same <see cref="UpdateReceiver"/> that real
/// terminals use; an attacker of a <see cref="SimulatedAttack"/> tampers with it first.
/// </summary>
public sealed class SimulatedTerminal(
    IDbContextFactory<FedDbContext> dbFactory,
    TerminalTrainingData trainingData,
    TerminalTraining training,
    SimulatedAttack attack,
    UpdateReceiver receiver,
    IRoundScheduler scheduler,
    ILivePublisher live,
    TimeProvider clock,
    ILogger<SimulatedTerminal> logger)
{
    public async Task TrainAsync(int participantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.RoundParticipants.SingleAsync(p => p.Id == participantId, ct);
        if (participant.Status != ParticipantStatus.Assigned) return;
        var round = await db.Rounds.SingleAsync(r => r.Id == participant.RoundId, ct);
        if (round.Phase != RoundPhase.Collecting) return;
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == round.JobId, ct);
        var terminal = await db.Terminals.SingleAsync(t => t.Id == participant.TerminalId, ct);
        var policy = await db.EdgeServers.Where(e => e.Id == participant.EdgeId).Select(e => e.Policy).SingleAsync(ct);
        var settings = job.Settings;
        var seed = settings.Seed * 100_003 + round.Number * 1_009 + terminal.DataOrdinal;

        try
        {
            var (samples, shared) = await trainingData.ForAsync(db, job, participant, terminal, seed, ct);
            participant.Start(clock.GetUtcNow());
            participant.UseData(settings.DataSource, shared);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return; // Another run of this step, or the deadline, got there first.
            }
            await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, participant.TerminalId, participant.Status, clock.GetUtcNow()));

            if (await training.RunAsync(participant, terminal, settings, policy, samples, seed, ct) is not { } trained) return;
            var latest = trained.Tally.Latest!;
            var outcome = await receiver.SubmitAsync(new TerminalUpdate(participant.Id, terminal.Id, attack.Upload(terminal, participant, trained.Parameters),
                Math.Min(samples.Length, trained.Tally.SamplesSeen), latest.TrainLoss, latest.TrainAccuracy, trained.Tally.SamplesPerSecond, trained.Work), ct);
            if (outcome.Accepted) return;
            logger.LogWarning("Terminal {Terminal}: update refused: {Reason}", terminal.Name, outcome.Message);
            // A simulated terminal does not upload again, so waiting for it would only hold the round until its deadline.
            await FailAsync(participantId, $"Update refused: {outcome.Message}", ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Terminal {Terminal} failed to train in round {Round}.", terminal.Name, round.Number);
            await FailAsync(participantId, exception.Message, ct);
        }
    }

    private async Task FailAsync(int participantId, string reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.RoundParticipants.SingleAsync(p => p.Id == participantId, ct);
        if (!participant.IsOpen) return;
        participant.Fail(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await db.AggregateWhenReadyAsync(participant.RoundId, scheduler, clock.GetUtcNow(), ct);
    }
}
