using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// Plays a simulated terminal's part in a round, as a networked terminal would: takes up its assignment at the
/// <see cref="AssignmentDesk"/>, trains for real (see <see cref="TerminalTraining"/>) and uploads the result to the
/// <see cref="UpdateReceiver"/>; an attacker of a <see cref="SimulatedAttack"/> tampers with it first.
/// </summary>
public sealed class SimulatedTerminal(
    AssignmentDesk desk,
    TerminalTrainingData trainingData,
    TerminalTraining training,
    SimulatedAttack attack,
    UpdateReceiver receiver,
    ILogger<SimulatedTerminal> logger)
{
    public async Task TrainAsync(int participantId, CancellationToken ct = default)
    {
        if (await desk.FindAsync(participantId, ct) is not { } assignment) return;
        var terminal = assignment.Terminal;
        var settings = assignment.Settings;
        var seed = settings.Seed * 100_003 + assignment.RoundNumber * 1_009 + terminal.DataOrdinal;

        try
        {
            var (samples, shared) = await trainingData.ForAsync(assignment, seed, ct);
            // False: another run of this step, or the deadline, got there first.
            if (!await desk.StartAsync(participantId, settings.DataSource, shared, ct)) return;

            if (await training.RunAsync(assignment, samples, seed, ct) is not { } trained) return;
            var latest = trained.Tally.Latest!;
            var outcome = await receiver.SubmitAsync(new TerminalUpdate(participantId, terminal.Id, attack.Upload(terminal, assignment.BaseModelHash, trained.Parameters),
                Math.Min(samples.Length, trained.Tally.SamplesSeen), latest.TrainLoss, latest.TrainAccuracy, trained.Tally.SamplesPerSecond, trained.Work), ct);
            if (outcome.Accepted) return;
            logger.LogWarning("Terminal {Terminal}: update refused: {Reason}", terminal.Name, outcome.Message);
            // A simulated terminal does not upload again, so waiting for it would only hold the round until its deadline.
            await desk.FailAsync(participantId, $"Update refused: {outcome.Message}", ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Terminal {Terminal} failed to train in round {Round}.", terminal.Name, assignment.RoundNumber);
            await desk.FailAsync(participantId, exception.Message, ct);
        }
    }
}
