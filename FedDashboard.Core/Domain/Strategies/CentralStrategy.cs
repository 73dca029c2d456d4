using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.ServerOptimizers;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// The central tier of a job: the round's K split over the edges in proportion to the terminals each may select, each
/// edge configuring its share by its own strategy; every κ rounds the edges' models combined by the same aggregation
/// rule the edges use, then stepped by the job's server optimizer or SCAFFOLD's step if it has one. Deterministic for the
/// job's seed and the round number.
/// </summary>
/// <param name="edgeStrategy">The strategy an edge runs under its current policy.</param>
public sealed class CentralStrategy(
    TrainingSettings settings, IModelAggregation rule, Func<EdgeServer, IEdgeStrategy> edgeStrategy, IServerOptimizer? optimizer = null,
    ScaffoldStep? scaffold = null)
    : ICentralStrategy
{
    private readonly ModelSpec _global = new(settings.Model);

    public IEdgeStrategy Edge(EdgeServer edge) => edgeStrategy(edge);

    public IReadOnlyList<EdgeSelection> Configure(RoundCandidates round) => [.. Split(round).Select(quota => Select(quota, round))];

    public IReadOnlyList<EdgeQuota> Split(RoundCandidates round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var idleByEdge = round.Idle.ToLookup(t => t.EdgeId);
        var edges = round.Edges.Select(edgeStrategy).ToList();
        var candidates = edges.Select(edge => edge.Candidates([.. idleByEdge[edge.Edge.Id]], round.Reliability, round.Now)).ToList();
        var shares = EdgeShares.Split(settings.ParticipantsPerRound(round.Fleet), [.. candidates.Select(c => c.Count)], new Random(SeedOf(round.Number)));

        var quotas = new List<EdgeQuota>(edges.Count);
        var first = 0;
        for (var i = 0; i < edges.Count; i++)
        {
            quotas.Add(new EdgeQuota(edges[i].Edge, i, first, shares[i], edges[i].Eligible(candidates[i])));
            first += shares[i];
        }
        return quotas;
    }

    public EdgeSelection Select(EdgeQuota quota, RoundCandidates round)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(round);
        var edge = edgeStrategy(quota.Edge);
        var id = quota.Edge.Id;
        var candidates = edge.Candidates([.. round.Idle.Where(t => t.EdgeId == id)], round.Reliability, round.Now);
        return edge.Configure(candidates, quota.Share,
            new EdgeRound(round.Number, quota.Index, quota.FirstParticipant, SeedOf(round.Number) * 31 + id, round.Donors?.GetValueOrDefault(id)));
    }

    public bool CombinesAfter(int roundNumber) => settings.CombinesAfter(roundNumber);

    private int SeedOf(int roundNumber) => settings.Seed * 100_003 + roundNumber;

    /// <remarks>
    /// Each edge counts by the samples it trained on during the period and only for the part its terminals trained
    /// (widest width, layers): elsewhere its model still holds the period's start, which would pull the average back.
    /// </remarks>
    public CentralModel Combine(ParameterSet parent, ParameterSet? serverState, IReadOnlyList<EdgePeriod> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var results = edges.Select(edge =>
        {
            var part = TrainedPart.Union(edge.Trained);
            var spec = part.Spec(settings.Model);
            return new TierResult(() => SubModel.Extract(edge.LatestModel(), _global, spec), spec, edge.Samples, part.Segments);
        }).ToList();
        var combined = rule.Aggregate(parent, _global, results);
        if (scaffold is not null) return scaffold.Step(parent, combined, serverState, _global, ControlDeltas(edges, results), ResultsOf(edges));
        if (optimizer is null) return new CentralModel(combined, null);
        var step = optimizer.Step(parent, combined, serverState);
        return new CentralModel(step.Model, step.State);
    }

    // An edge's Δc_i means cover what its model covers: the deltas were trained on the same parts.
    private List<TierResult> ControlDeltas(IReadOnlyList<EdgePeriod> edges, IReadOnlyList<TierResult> models) =>
    [
        .. edges.SelectMany((edge, i) => (edge.ControlDeltas ?? []).Select(delta =>
            new TierResult(() => SubModel.Extract(delta.Read(), _global, models[i].Spec), models[i].Spec, delta.Samples, models[i].Segments))),
    ];

    private static int ResultsOf(IReadOnlyList<EdgePeriod> edges) => edges.Sum(edge => (edge.ControlDeltas ?? []).Sum(delta => delta.Results));
}
