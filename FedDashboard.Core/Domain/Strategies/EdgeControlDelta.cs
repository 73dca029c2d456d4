using FedDashboard.Core.Learning.Parameters;

namespace FedDashboard.Core.Domain.Strategies;

/// <summary>Under SCAFFOLD, an edge's mean Δc_i of one round at the global width, the samples behind it and the results it averages.</summary>
public sealed record EdgeControlDelta(Func<ParameterSet> Read, long Samples, int Results);
