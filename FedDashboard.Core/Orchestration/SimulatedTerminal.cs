using FedDashboard.Core.Learning;
using FedDashboard.Core.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration;

/// <summary>
/// Plays a simulated terminal's part in a round: trains for real on its shard of MNIST and uploads the
/// result through the same <see cref="UpdateReceiver"/> that real terminals use.
/// </summary>
public sealed class SimulatedTerminal(
    IDbContextFactory<FedDbContext> dbFactory,
    ModelBlobStore blobs,
    FederatedData data,
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

        participant.Start(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // Another run of this step, or the deadline, got there first.
        }
        await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, participant.TerminalId, participant.Status, clock.GetUtcNow()));

        var job = await db.TrainingJobs.SingleAsync(j => j.Id == round.JobId, ct);
        var terminal = await db.Terminals.SingleAsync(t => t.Id == participant.TerminalId, ct);
        try
        {
            var settings = job.Settings;
            var result = LocalTrainer.Train(
                new ModelSpec(settings.Model),
                blobs.Get(participant.BaseModelHash),
                data.Train,
                data.ShardOf(job, terminal.DataOrdinal),
                new LocalTrainingSettings(settings.LocalEpochs, settings.BatchSize, settings.LearningRate),
                seed: settings.Seed * 100_003 + round.Number * 1_009 + terminal.DataOrdinal,
                ct);
            var speed = result.Samples * settings.LocalEpochs / Math.Max(result.Duration.TotalSeconds, 1e-6);
            var outcome = await receiver.SubmitAsync(new TerminalUpdate(participant.Id, terminal.Id, result.Parameters, result.Samples, result.TrainLoss, result.TrainAccuracy, speed), ct);
            if (!outcome.Accepted) logger.LogWarning("Terminal {Terminal}: update refused: {Reason}", terminal.Name, outcome.Message);
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
        await db.AggregateIfAllInAsync(participant.RoundId, scheduler, ct);
    }
}
