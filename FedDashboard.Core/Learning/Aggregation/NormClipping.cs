using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>
/// FedAvg of clipped updates: each result's update (result − start, over the part it trained) whose L2 norm exceeds
/// <c>clipFactor</c> × the median update norm of the round is shrunk to that norm, then the clipped results are
/// averaged by samples as <see cref="FedAvg"/> does. A ×10 update then weighs no more than an honest one; an update
/// of ordinary size pointing the wrong way is not caught (the median rules are there for that).
/// Streams in two passes: the first reads each result for its norm, the second clips it into one running sum.
/// </summary>
public sealed class NormClipping : IModelAggregation
{
    private readonly double _clipFactor;

    public NormClipping(double clipFactor)
    {
        if (!(clipFactor > 0 && double.IsFinite(clipFactor)))
            throw new ArgumentOutOfRangeException(nameof(clipFactor), clipFactor, "The clipping factor is a finite number above 0.");
        _clipFactor = clipFactor;
    }

    public ParameterSet Aggregate(ParameterSet start, ModelSpec globalSpec, IReadOnlyCollection<TierResult> results)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new InvalidOperationException("No results were given, so there is nothing to aggregate.");

        var norms = results.Select(result => UpdateNorm(start, globalSpec, result)).ToArray();
        // The median, unweighted: attackers could claim many samples, but not outnumber the honest results.
        var bound = _clipFactor * Median.Of(norms.ToArray().AsSpan());
        var average = new TieredAverage(start);
        foreach (var (result, norm) in results.Zip(norms))
        {
            var values = result.Read();
            if (norm > bound) values = ModelUpdate.Scale(start, values, bound / norm, result.Segments);
            average.Add(values, result.Spec, globalSpec, result.Weight, result.Segments);
        }
        return average.Result();
    }

    private static double UpdateNorm(ParameterSet start, ModelSpec globalSpec, TierResult result)
    {
        var values = result.Read();
        TierCoverage.Require(start, values, result.Spec, globalSpec, result.Weight, result.Segments);
        return ModelUpdate.Norm(start, values, result.Segments);
    }
}
