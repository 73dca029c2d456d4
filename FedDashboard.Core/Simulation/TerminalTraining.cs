using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// A simulated terminal's local training in one round, for real with TorchSharp: on the model part the edge assigned
/// and its segment, the edge's work plan adapted to the device's load, paced to its device, and watched while it runs
/// (see <see cref="TrainingMonitor"/>): it stops when the edge says so and goes on narrower when the edge grants a
/// lighter model.
/// </summary>
public sealed class TerminalTraining(
    AssignmentDesk desk,
    FederatedData data,
    ITerminalChannel channel,
    IOptions<SimulationOptions> simulation,
    TimeProvider clock,
    ILogger<TerminalTraining> logger)
{
    /// <param name="model">The downloaded model part, at <paramref name="work"/>'s width.</param>
    /// <returns>The trained model at the participant's final width, or null when there is nothing to upload.</returns>
    public TrainedModel? Run(TerminalAssignment assignment, AssignmentInfo work, ParameterSet model, int[] samples, string credential, CancellationToken ct)
    {
        var terminal = assignment.Terminal;
        var local = new LocalTrainingSettings(work.LocalEpochs, work.BatchSize, work.LearningRate, work.ProximalMu);
        var spec = new ModelSpec(Enum.Parse<ModelArchitecture>(work.Model), work.Width);
        IReadOnlySet<string>? segments = work.Segments is null ? null : new HashSet<string>(work.Segments, StringComparer.Ordinal);
        var plan = LocalWorkPlan.For(terminal.CpuLoad, work.PlannedSteps, simulation.Value);
        var tally = new TrainingTally();
        var monitor = new TrainingMonitor(channel, credential, work.AssignmentId, () => desk.LoadOf(terminal.Id), simulation.Value, terminal.Tier, terminal.CpuLoad, clock, ct);
        var parameters = model;

        while (tally.Steps < plan.Steps)
        {
            monitor.Resume(tally.Steps, tally.SamplesSeen);
            var piece = LocalTrainer.Train(spec, parameters, data.Train, samples, local, work.Seed + tally.Pieces, ct, segments,
                new TrainingControl(plan.Steps - tally.Steps, monitor.ContinueAfter));
            tally.Add(piece);
            parameters = piece.Parameters;
            switch (monitor.Interruption)
            {
                case null:
                    // The piece took its steps, or ran through its epochs on data smaller than the plan thought.
                    return new TrainedModel(parameters, tally, new LocalWork(plan.PlannedSteps, tally.Steps));
                case TrainingInterruption.Ended ended:
                    logger.LogInformation("Terminal {Terminal} stopped training and discarded its work: {Reason}", terminal.Name, ended.Reason);
                    return null;
                case TrainingInterruption.Swap swapTo:
                    var narrower = spec with { Width = swapTo.Width };
                    parameters = SubModel.Extract(parameters, spec, narrower);
                    spec = narrower;
                    break;
            }
        }
        return new TrainedModel(parameters, tally, new LocalWork(plan.PlannedSteps, tally.Steps));
    }
}

/// <summary>What a local training produced, ready to upload.</summary>
public sealed record TrainedModel(ParameterSet Parameters, TrainingTally Tally, LocalWork Work);
