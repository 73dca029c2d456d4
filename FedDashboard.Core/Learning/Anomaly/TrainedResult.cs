namespace FedDashboard.Core.Learning;

/// <summary>A terminal's result as trained: its parameters at <see cref="Spec"/>'s width, on <see cref="Segments"/> only (null: every layer).</summary>
public sealed record TrainedResult(ParameterSet Parameters, ModelSpec Spec, IReadOnlySet<string>? Segments);
