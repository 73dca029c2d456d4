using FedDashboard.Core.Domain.Strategies.Filtering;
using FedDashboard.Core.Domain.Strategies.Planning;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Anomaly;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Segments;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// An edge run by its policy: its evaluation gates selection (when it applies there) and judges results, its selection
/// mode, standard and groups decide whom it asks and at what width, the job's segmentation and data sharing what each
/// trains on, and the job's aggregation rule how the accepted results become the edge's model.
/// </summary>
/// <param name="availability">How the edge finds terminals willing to train.</param>
/// <param name="mapSize">The side of the map, for group rules by area.</param>
public sealed class EdgeStrategy(
    EdgeServer edge, TrainingSettings settings, IModelAggregation rule, IAvailability availability, double mapSize) : IEdgeStrategy
{
    private readonly ModelSpec _global = new(settings.Model);

    public EdgeServer Edge => edge;

    public IReadOnlyList<Terminal> Candidates(IReadOnlyList<Terminal> idle, IReadOnlyDictionary<int, Reliability> reliability, DateTimeOffset now) =>
        SelectionGate.Admit(edge, idle, reliability, now);

    public int Eligible(IReadOnlyList<Terminal> candidates) => EdgeSelector.Eligible(edge, availability, candidates);

    public EdgeSelection Configure(IReadOnlyList<Terminal> candidates, int share, EdgeRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var selection = EdgeSelector.Select(edge, availability, candidates, share, mapSize, round.Seed);
        var segments = ModelSegments.Of(settings.Model);
        return selection with
        {
            Assigned = [.. selection.Assigned.Select((assignment, i) => assignment with
            {
                Segment = SegmentAssignment.For(settings.Segmentation, segments, round.Number, round.EdgeIndex, round.FirstParticipant + i),
                Grants = round.Donors?.GrantsFor(assignment.Terminal.Id) ?? [],
            })],
        };
    }

    /// <remarks>Capacity is scored against the fastest terminal among the results.</remarks>
    public IReadOnlyList<ResultVerdict> Evaluate(IReadOnlyList<EdgeResult> results, Func<ParameterSet> start)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(start);
        if (results.Count == 0) return [];

        var filter = new ResultFilter(edge.Policy.Evaluation);
        var deviations = filter.ComparesUpdates
            ? UpdateDeviations.Measure(start(), _global, [.. results.Select(r => r.Trained)])
            : [.. results.Select(_ => UpdateDeviation.Unknown)];
        var fastest = results.Max(r => r.Terminal.TrainingSamplesPerSecond);
        return [.. results.Select((result, i) =>
        {
            var terminal = result.Terminal;
            var evidence = new ResultEvidence(
                new TerminalEvidence(terminal, edge, result.Reliability,
                    CapacityScore.Of(terminal.CpuLoad, terminal.TrainingSamplesPerSecond, fastest), result.Samples, result.AssignedAt),
                result.ValidationAccuracy, result.ReportedAt - result.AssignedAt, deviations[i]);
            return new ResultVerdict(result.ValidationAccuracy, filter.Rejects(evidence));
        })];
    }

    public ParameterSet Aggregate(ParameterSet start, IReadOnlyCollection<Contribution> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return rule.Aggregate(start, _global, [.. accepted.Select(c => c.ToTierResult(settings.Model))]);
    }
}
