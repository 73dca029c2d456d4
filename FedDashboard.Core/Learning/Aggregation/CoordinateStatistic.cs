using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>
/// A robust statistic taken element by element (Yin et al. 2018): each global element becomes the statistic of the
/// values of the results that trained it, so the count n differs between elements when widths or segments differ.
/// Unweighted: a result's claimed sample count would otherwise buy it influence.
/// Cannot stream: the statistic needs an element's values all at once, so it holds every result's values, n
/// results × the global model's size in floats (a 2NN edge of 10 terminals: 8 MB).
/// </summary>
public abstract class CoordinateStatistic : IModelAggregation
{
    public ParameterSet Aggregate(ParameterSet start, ModelSpec globalSpec, IReadOnlyCollection<TierResult> results)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new InvalidOperationException("No results were given, so there is nothing to aggregate.");

        // Element e's values sit at [e·n, e·n + count[e]) of its array's column block.
        var n = results.Count;
        var columns = start.Arrays.Select(array => new float[(long)array.Values.Length * n]).ToArray();
        var counts = start.Arrays.Select(array => new int[array.Values.Length]).ToArray();
        foreach (var result in results)
        {
            var values = result.Read();
            TierCoverage.Require(start, values, result.Spec, globalSpec, result.Weight, result.Segments);
            foreach (var (array, inner, outer, length) in TierCoverage.Rows(start, values, result.Segments))
            {
                var (source, column, count) = (values.Arrays[array].Values, columns[array], counts[array]);
                for (var j = 0; j < length; j++)
                {
                    var element = outer + j;
                    column[(long)element * n + count[element]++] = source[inner + j];
                }
            }
        }

        return new ParameterSet(start.Arrays.Select((array, i) =>
        {
            var aggregated = new float[array.Values.Length];
            for (var element = 0; element < aggregated.Length; element++)
            {
                var count = counts[i][element];
                aggregated[element] = count == 0 ? array.Values[element] : (float)Of(columns[i].AsSpan((int)((long)element * n), count));
            }
            return new NamedArray(array.Name, (int[])array.Shape.Clone(), aggregated);
        }));
    }

    /// <summary>The statistic of one element's values, one per result that trained it (at least one); may reorder them.</summary>
    protected abstract double Of(Span<float> values);
}
