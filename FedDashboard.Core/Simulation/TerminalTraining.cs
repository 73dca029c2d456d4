using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// A simulated terminal's local training in one round, for real with TorchSharp: on its nested sub-model and
/// its segment, adapted to its load, paced to its device, and watched while it runs: it stops when its
/// participation ends, swaps to a lighter model when overloaded, and hands over to a standby when too slow.
/// </summary>
public sealed class TerminalTraining(
    AssignmentDesk desk,
    ModelBlobStore blobs,
    FederatedData data,
    ModelSwap swap,
    StandbyReplacement replacement,
    IOptions<SimulationOptions> simulation,
    TimeProvider clock,
    ILogger<TerminalTraining> logger)
{
    /// <returns>The trained model at the participant's final width, or null when there is nothing to submit.</returns>
    public async Task<TrainedModel?> RunAsync(TerminalAssignment assignment, int[] samples, int seed, CancellationToken ct)
    {
        var (terminal, settings, policy) = (assignment.Terminal, assignment.Settings, assignment.Policy);
        var local = new LocalTrainingSettings(settings.LocalEpochs, settings.BatchSize, settings.LearningRate);
        var globalSpec = new ModelSpec(settings.Model);
        var spec = assignment.Part.Spec(settings.Model);
        var parameters = SubModel.Extract(blobs.Get(assignment.BaseModelHash), globalSpec, spec);
        var segments = assignment.Part.Segments;
        var plan = LocalWorkPlan.For(terminal.CpuLoad, samples.Length, local, simulation.Value);
        var tally = new TrainingTally();
        var monitor = new TrainingMonitor(() => desk.Check(assignment.ParticipantId), policy, simulation.Value, terminal.Tier, spec.Width, terminal.CpuLoad, clock);
        var mayReplace = true;

        while (tally.Steps < plan.Steps)
        {
            monitor.Resume(spec.Width, mayReplace);
            var piece = LocalTrainer.Train(spec, parameters, data.Train, samples, local, seed + tally.Pieces, ct, segments,
                new TrainingControl(plan.Steps - tally.Steps, monitor.ContinueAfter));
            tally.Add(piece);
            parameters = piece.Parameters;
            switch (monitor.Interruption)
            {
                case TrainingInterruption.Ended ended:
                    logger.LogInformation("Terminal {Terminal} stopped training and discarded its work: {Reason}", terminal.Name, ended.Reason);
                    return null;
                case TrainingInterruption.Swap swapTo:
                    if (!await swap.TrySwapAsync(assignment.ParticipantId, swapTo.Width, swapTo.Reason, ct)) return null;
                    var narrower = spec with { Width = swapTo.Width };
                    parameters = SubModel.Extract(parameters, spec, narrower);
                    spec = narrower;
                    break;
                case TrainingInterruption.Replace replace:
                    if (await replacement.TryReplaceAsync(assignment.ParticipantId, replace.Reason, ct)) return null;
                    // Nobody can stand by: finishing slowly still beats losing the work.
                    mayReplace = false;
                    break;
            }
        }
        return new TrainedModel(parameters, tally, new LocalWork(plan.PlannedSteps, tally.Steps));
    }
}

/// <summary>What a local training produced, ready to upload.</summary>
public sealed record TrainedModel(ParameterSet Parameters, TrainingTally Tally, LocalWork Work);
