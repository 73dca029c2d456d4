using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Anomaly;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// An edge tier's learning algorithm, after Flower's <c>Strategy</c>: whom it may select and what each trains
/// (configure), which results it accepts and why not (evaluate), and how the accepted ones become its model
/// (aggregate). Pure: it decides on the plain data it is given and changes nothing; the orchestration saves.
/// </summary>
public interface IEdgeStrategy
{
    EdgeServer Edge { get; }

    /// <param name="idle">The edge's idle terminals, ordered by id; those it may select keep that order.</param>
    /// <param name="reliability">Records of work by terminal id; a terminal without one has none yet.</param>
    IReadOnlyList<Terminal> Candidates(IReadOnlyList<Terminal> idle, IReadOnlyDictionary<int, Reliability> reliability, DateTimeOffset now);

    /// <summary>How many of the candidates meet the edge's standard.</summary>
    int Eligible(IReadOnlyList<Terminal> candidates);

    /// <summary>Whom the edge asks, in order, until it has its share, and the width, layer and shared data each trains on.</summary>
    EdgeSelection Configure(IReadOnlyList<Terminal> candidates, int share, EdgeRound round);

    /// <param name="start">The model the edge handed out; read only when a criterion compares the results' updates.</param>
    /// <returns>One verdict per result, in order.</returns>
    IReadOnlyList<ResultVerdict> Evaluate(IReadOnlyList<EdgeResult> results, Func<ParameterSet> start);

    /// <summary>The edge's model of the round from its accepted results; what none trained keeps <paramref name="start"/>.</summary>
    ParameterSet Aggregate(ParameterSet start, IReadOnlyCollection<Contribution> accepted);
}
