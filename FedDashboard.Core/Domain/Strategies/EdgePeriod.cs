using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>One edge's work in a combination period, or the central server's own training, as the central tier combines it.</summary>
/// <param name="LatestModel">Reads the edge's latest aggregate of the period, at the global width.</param>
/// <param name="Samples">The samples the edge's accepted results trained on during the period.</param>
/// <param name="Trained">What its accepted results of the period trained.</param>
/// <param name="ControlDeltas">Under SCAFFOLD, its mean Δc_i of each round of the period; else none.</param>
public sealed record EdgePeriod(Func<ParameterSet> LatestModel, long Samples, IReadOnlyList<TrainedPart> Trained, IReadOnlyList<EdgeControlDelta>? ControlDeltas = null);
