using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// The central tier's learning algorithm over its edges' strategies: how a round's participants are shared among the
/// edges, when the edges' models are combined, and how. Pure, like <see cref="IEdgeStrategy"/>.
/// </summary>
public interface ICentralStrategy
{
    /// <summary>The strategy the given edge runs under its current policy in this job.</summary>
    IEdgeStrategy Edge(EdgeServer edge);

    /// <summary>Who trains what in a round: <see cref="Split"/>, then each edge's <see cref="Select"/>, in the order of <see cref="RoundCandidates.Edges"/>.</summary>
    IReadOnlyList<EdgeSelection> Configure(RoundCandidates round);

    /// <summary>The central tier's part of configuring a round: how many terminals each edge selects, one per edge in the order of <see cref="RoundCandidates.Edges"/>.</summary>
    IReadOnlyList<EdgeQuota> Split(RoundCandidates round);

    /// <summary>An edge's part: whom it asks among its own candidates for its share, and what each trains.</summary>
    /// <param name="round">The round's candidates; only the quota's edge's idle terminals and donors are read.</param>
    EdgeSelection Select(EdgeQuota quota, RoundCandidates round);

    /// <summary>Whether the round ends a combination period, so the edges' models are combined after it.</summary>
    bool CombinesAfter(int roundNumber);

    /// <summary>The next central model from each edge's work in the period, edges ordered by id (the central server's own work, if any, last).</summary>
    /// <param name="parent">The central model the period started from; what no edge trained keeps its values.</param>
    /// <param name="serverState">The state the combination that made <paramref name="parent"/> left for a server optimizer; null when none.</param>
    CentralModel Combine(ParameterSet parent, ParameterSet? serverState, IReadOnlyList<EdgePeriod> edges);
}
