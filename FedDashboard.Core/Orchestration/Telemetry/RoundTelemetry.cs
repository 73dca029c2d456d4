using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FedDashboard.Core.Orchestration.Telemetry;

/// <summary>
/// The rounds' spans and metrics, under one name for OpenTelemetry to listen to: a span per step of a round, tagged with
/// its job, round, edge and terminal, and a histogram of the steps' durations by step.
/// </summary>
public static class RoundTelemetry
{
    public const string Name = "FedDashboard.Rounds";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "fed.round.step.duration", unit: "s", description: "How long one step of a round took, by step (one measurement per terminal or edge for their steps)");

    public const string StepTag = "fed.step";
    public const string JobTag = "fed.job.id";
    public const string RoundTag = "fed.round.id";
    public const string EdgeTag = "fed.edge.id";
    public const string TerminalTag = "fed.terminal.id";
}
