using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Tiers;

/// <summary>
/// Streaming HeteroFL aggregation of results trained at different widths: each global element is the
/// weighted mean of the results whose tier contains it, and an element no result contains keeps the
/// template's value (the global model the round started from). A result trained on some layers only (segments,
/// the rest frozen) counts for those layers only: its frozen copies would pull the mean back towards the start.
/// Keeps one running sum and one running
/// weight per global element in double precision, never the results themselves.
/// Not thread-safe: one aggregation is fed by one caller.
/// </summary>
public sealed class TieredAverage
{
    private readonly ParameterSet _template;
    private readonly double[][] _sums;
    private readonly double[][] _weights;

    public TieredAverage(ParameterSet globalTemplate)
    {
        ArgumentNullException.ThrowIfNull(globalTemplate);
        _template = globalTemplate;
        _sums = [.. globalTemplate.Arrays.Select(array => new double[array.Values.Length])];
        _weights = [.. globalTemplate.Arrays.Select(array => new double[array.Values.Length])];
    }

    public int Count { get; private set; }

    /// <param name="segments">The layers the result trained; null when it trained them all.</param>
    public void Add(ParameterSet tierResult, ModelSpec tierSpec, ModelSpec globalSpec, double weight, IReadOnlySet<string>? segments = null)
    {
        TierCoverage.Require(_template, tierResult, tierSpec, globalSpec, weight, segments);
        foreach (var (array, inner, outer, length) in TierCoverage.Rows(_template, tierResult, segments))
        {
            var (values, sum, weights) = (tierResult.Arrays[array].Values, _sums[array], _weights[array]);
            for (var j = 0; j < length; j++)
            {
                sum[outer + j] += weight * values[inner + j];
                weights[outer + j] += weight;
            }
        }
        Count++;
    }

    public ParameterSet Result()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No tier results have been added, so there is no average.");
        }
        var arrays = new NamedArray[_sums.Length];
        for (var i = 0; i < arrays.Length; i++)
        {
            var (sum, weights, template) = (_sums[i], _weights[i], _template.Arrays[i]);
            var mean = new float[sum.Length];
            for (var j = 0; j < mean.Length; j++)
            {
                mean[j] = weights[j] > 0 ? (float)(sum[j] / weights[j]) : template.Values[j];
            }
            arrays[i] = new NamedArray(template.Name, (int[])template.Shape.Clone(), mean);
        }
        return new ParameterSet(arrays);
    }
}
