using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FedDashboard.Core.Orchestration.Telemetry;

/// <summary>
/// The rounds' spans and metrics, under one name for OpenTelemetry to listen to: a span per step of a round, tagged with
/// its job, round, edge and terminal, and a histogram of the steps' durations by step, and one of the CPU time
/// the simulated fleet's trainings take on this node.
/// </summary>
public static class RoundTelemetry
{
    public const string Name = "FedDashboard.Rounds";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "fed.round.step.duration", unit: "s", description: "How long one step of a round took, by step (one measurement per terminal or edge for their steps)");

    /// <summary>The name of <see cref="TrainingCpuTime"/>, for listeners: they hear of instruments while this class starts.</summary>
    public const string TrainingCpuTimeName = "fed.simulated.training.cpu_time";

    public static readonly Histogram<double> TrainingCpuTime = Meter.CreateHistogram<double>(
        TrainingCpuTimeName, unit: "s", description: "CPU time of one simulated terminal's local training on this node, by job");

    public const string StepTag = "fed.step";
    public const string JobTag = "fed.job.id";
    public const string RoundTag = "fed.round.id";
    public const string EdgeTag = "fed.edge.id";
    public const string TerminalTag = "fed.terminal.id";
}
