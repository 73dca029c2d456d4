using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>
/// One result as an aggregation rule sees it: read on demand (a streaming rule reads it again rather than keep it),
/// trained at <paramref name="Spec"/>'s width on <paramref name="Segments"/> (null: every layer), counting for
/// <paramref name="Weight"/> samples where the rule weighs by samples.
/// </summary>
public sealed record TierResult(Func<ParameterSet> Read, ModelSpec Spec, double Weight, IReadOnlySet<string>? Segments = null);
