using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>The sample-weighted mean (McMahan et al. 2017), each element over the results that trained it; streams.</summary>
public sealed class FedAvg : IModelAggregation
{
    public ParameterSet Aggregate(ParameterSet start, ModelSpec globalSpec, IReadOnlyCollection<TierResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var average = new TieredAverage(start);
        foreach (var result in results)
        {
            average.Add(result.Read(), result.Spec, globalSpec, result.Weight, result.Segments);
        }
        return average.Result();
    }
}
