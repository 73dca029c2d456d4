using System.Security.Cryptography;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Protocol;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// Plays a simulated terminal's part in a round through the terminal protocol, with its own credential, as an agent
/// does: fetches its assignment, accepts it (unless a run of this step that died took it up already), downloads the
/// model, trains for real (see <see cref="TerminalTraining"/>) and uploads the result to the same intake as agents; an
/// attacker of a <see cref="SimulatedAttack"/> tampers with it first. What only the simulation knows — the device, its
/// shard of the job's data, the data shared with it — comes from the <see cref="AssignmentDesk"/>.
/// </summary>
public sealed class SimulatedTerminal(
    AssignmentDesk desk,
    ITerminalChannel channel,
    SimulatedCredentials credentials,
    TerminalTrainingData trainingData,
    TerminalTraining training,
    DownloadedModels models,
    TrainingSlots slots,
    SimulatedAttack attack,
    RoundSteps steps,
    ILogger<SimulatedTerminal> logger)
{
    public async Task TrainAsync(int participantId, CancellationToken ct = default)
    {
        if (await desk.FindAsync(participantId, ct) is not { } assignment) return;
        var terminal = assignment.Terminal;
        // An agent hears of its work from its own heartbeat and trains on its own device.
        if (terminal.Origin != TerminalOrigin.Simulated) return;
        try
        {
            var credential = credentials.For(terminal.Id) ?? throw new InvalidOperationException($"Terminal {terminal.Name} has no credential in this process.");
            AssignmentInfo? work;
            int[] samples;
            ParameterSet model;
            ControlledTraining? controls = null;
            using (Step(RoundStep.Download, assignment))
            {
                work = await channel.CurrentAssignmentAsync(credential, ct);
                if (work is null || work.AssignmentId != participantId) return;
                (samples, _) = await trainingData.ForAsync(assignment, work.Seed, ct);
                // Taken up already: by a run of this step that died with its node or stalled past Hangfire's
                // invisibility timeout (its training was cancelled then). Nobody trains it now, so it trains again, as
                // an agent does after a restart.
                if (work.Status == AssignmentInfo.Offered) await channel.DecideAsync(credential, participantId, new Decision(true, null), ct);
                model = await models.GetAsync(channel, credential, work.ModelHash, ct);
                if (work.Controls is { } variates)
                    controls = new ControlledTraining(new ModelSpec(Enum.Parse<ModelArchitecture>(work.Model), work.Width), model,
                        await models.GetAsync(channel, credential, variates.ServerHash, ct), await models.GetAsync(channel, credential, variates.TerminalHash, ct));
            }
            TrainedModel? trained;
            using (await slots.TakeAsync(ct))
            using (Step(RoundStep.Training, assignment))
                trained = TrainingCpuTime.Measure(assignment.Job.Id, () => training.Run(assignment, work, model, controls, samples, credential, ct));
            if (trained is null) return;
            if (trained.Tally.Latest is not { } latest)
            {
                await desk.FailAsync(participantId, $"No local step to take: {work.PlannedSteps} planned on {samples.Length} samples.", ct);
                return;
            }

            using var upload = Step(RoundStep.Upload, assignment);
            var tampered = attack.Upload(terminal, assignment.BaseModelHash, trained.Parameters);
            var encoded = ParameterSetCodec.Encode(trained.ControlDelta is { } delta ? ControlDeltaUpload.Join(tampered, delta) : tampered);
            var hash = Convert.ToHexStringLower(SHA256.HashData(encoded));
            using var body = new MemoryStream(encoded, writable: false);
            var metadata = new ResultMetadata(Math.Min(samples.Length, trained.Tally.SamplesSeen), latest.TrainLoss, latest.TrainAccuracy,
                trained.Tally.SamplesPerSecond, trained.Work.PlannedSteps, trained.Work.StepsDone);
            await channel.UploadResultAsync(credential, participantId, metadata, body, $"{participantId}-{Guid.NewGuid():N}", hash, ct);
        }
        catch (TerminalProtocolException over) when (over.Code is ProtocolError.AssignmentClosed or ProtocolError.RoundClosed or ProtocolError.AlreadyReported)
        {
            // Another run of this step, the deadline or the edge ended the participation first: nothing left to do.
        }
        catch (TerminalProtocolException refused)
        {
            logger.LogWarning("Terminal {Terminal}: refused ({Code}): {Reason}", terminal.Name, refused.Code, refused.Message);
            // A simulated terminal does not try again, so waiting for it would only hold the round until its deadline.
            await desk.FailAsync(participantId, $"Refused ({refused.Code}): {refused.Message}", ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Terminal {Terminal} failed to train in round {Round}.", terminal.Name, assignment.RoundNumber);
            await desk.FailAsync(participantId, exception.Message, ct);
        }
    }

    private StepTimer Step(RoundStep step, TerminalAssignment assignment) =>
        steps.Begin(step, assignment.Job.Id, assignment.RoundId, assignment.EdgeId, assignment.Terminal.Id);
}
