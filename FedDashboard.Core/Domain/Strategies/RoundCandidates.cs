using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>What a round is configured from.</summary>
/// <param name="Fleet">K, the job's clients: the terminals at its launch plus the agents enrolled since; the round selects its client fraction of them.</param>
/// <param name="Edges">Every edge, ordered by id.</param>
/// <param name="Idle">The job's idle terminals, ordered by id.</param>
/// <param name="Reliability">The idle terminals' records of work, for edges whose evaluation gates selection.</param>
/// <param name="Donors">Each edge's donors by edge id when the job shares data; null when it does not.</param>
public sealed record RoundCandidates(
    int Number,
    int Fleet,
    IReadOnlyList<EdgeServer> Edges,
    IReadOnlyList<Terminal> Idle,
    IReadOnlyDictionary<int, Reliability> Reliability,
    IReadOnlyDictionary<int, SharedDataDonors>? Donors,
    DateTimeOffset Now);
