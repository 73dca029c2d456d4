using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Anomaly;

/// <summary>A terminal's result as trained: its parameters at <see cref="Spec"/>'s width, on <see cref="Segments"/> only (null: every layer).</summary>
public sealed record TrainedResult(ParameterSet Parameters, ModelSpec Spec, IReadOnlySet<string>? Segments);
