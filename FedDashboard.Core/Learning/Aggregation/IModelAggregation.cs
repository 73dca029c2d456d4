using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>
/// A rule that combines one tier's results of a round (an edge's terminals, or the centre's edges) into a model of the
/// global shape. Every rule counts each element only over the results that trained it (<see cref="TierCoverage"/>);
/// an element none trained keeps the start model's value. Implementations hold no state between calls and are
/// thread-safe.
/// </summary>
public interface IModelAggregation
{
    /// <param name="start">The global model the tier handed out for this round; updates are measured from it.</param>
    /// <param name="results">At least one. A rule may read a result more than once, and holds as few at a time as its maths allows.</param>
    ParameterSet Aggregate(ParameterSet start, ModelSpec globalSpec, IReadOnlyCollection<TierResult> results);
}
