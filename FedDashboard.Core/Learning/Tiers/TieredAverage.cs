using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Tiers;

/// <summary>
/// Streaming HeteroFL aggregation of results trained at different widths: each global element is the
/// weighted mean of the results whose tier contains it, and an element no result contains keeps the
/// template's value (the global model the round started from). A result trained on some layers only (segments,
/// the rest frozen) counts for those layers only: its frozen copies would pull the mean back towards the start.
/// Keeps one running sum per global element in double precision, and a running weight per array for results that
/// cover all of it (per element only where a narrower result covers part of it). Arrays that results cover whole
/// are summed a group of <see cref="GroupSize"/> at a time (<see cref="WeightedSum"/>), so it holds at most that many
/// results' arrays, never all of them.
/// Not thread-safe: one aggregation is fed by one caller. After it throws, the average is spoilt.
/// </summary>
public sealed class TieredAverage
{
    /// <summary>Whole arrays held back to be summed together: enough that the sums' memory traffic is a fraction of the sources'.</summary>
    public const int GroupSize = 8;

    private readonly ParameterSet _template;
    private readonly double[][] _sums;
    private readonly double[] _wholeWeights;
    private readonly double[]?[] _partWeights;
    private readonly List<(float[] Values, double Weight)>[] _pending;

    public TieredAverage(ParameterSet globalTemplate)
    {
        ArgumentNullException.ThrowIfNull(globalTemplate);
        _template = globalTemplate;
        _sums = [.. globalTemplate.Arrays.Select(array => new double[array.Values.Length])];
        _wholeWeights = new double[globalTemplate.Arrays.Count];
        _partWeights = new double[globalTemplate.Arrays.Count][];
        _pending = [.. globalTemplate.Arrays.Select(_ => new List<(float[], double)>(GroupSize))];
    }

    public int Count { get; private set; }

    /// <param name="segments">The layers the result trained; null when it trained them all.</param>
    /// <exception cref="ArgumentException">
    /// The result does not fit the template, or holds NaN or an infinity: the latter is found at once in arrays the result
    /// covers in part, and when its group is summed (at the latest by <see cref="Result"/>) in arrays it covers whole.
    /// </exception>
    public void Add(ParameterSet tierResult, ModelSpec tierSpec, ModelSpec globalSpec, double weight, IReadOnlySet<string>? segments = null)
    {
        TierCoverage.RequireFit(_template, tierResult, tierSpec, globalSpec, weight, segments);
        foreach (var array in TierCoverage.Arrays(_template, segments))
        {
            var values = tierResult.Arrays[array].Values;
            if (values.Length == _sums[array].Length)
            {
                _pending[array].Add((values, weight));
                if (_pending[array].Count == GroupSize) SumPending(array);
            }
            else
            {
                AddPart(array, tierResult.Arrays[array], weight);
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
            SumPending(i);
            var (sum, whole, part, template) = (_sums[i], _wholeWeights[i], _partWeights[i], _template.Arrays[i]);
            var mean = new float[sum.Length];
            for (var j = 0; j < mean.Length; j++)
            {
                var weight = whole + (part?[j] ?? 0);
                mean[j] = weight > 0 ? (float)(sum[j] / weight) : template.Values[j];
            }
            arrays[i] = new NamedArray(template.Name, (int[])template.Shape.Clone(), mean);
        }
        return new ParameterSet(arrays);
    }

    private void SumPending(int array)
    {
        var pending = _pending[array];
        if (pending.Count == 0) return;
        if (!WeightedSum.TryAdd(_sums[array], [.. pending.Select(p => p.Values)], [.. pending.Select(p => p.Weight)]))
        {
            throw new ArgumentException($"A tier result's '{_template.Arrays[array].Name}' contains NaN or infinite values and cannot be aggregated.");
        }
        _wholeWeights[array] += pending.Sum(p => p.Weight);
        pending.Clear();
    }

    /// <summary>A narrower result's top-left block of the array, row by row, with a weight per element.</summary>
    private void AddPart(int array, NamedArray part, double weight)
    {
        TierCoverage.RequireFinite(part);
        var (sum, weights) = (_sums[array], _partWeights[array] ??= new double[_sums[array].Length]);
        foreach (var (inner, outer, length) in TopLeftRows.Of(part.Shape, _template.Arrays[array].Shape))
        {
            for (var j = 0; j < length; j++)
            {
                sum[outer + j] += weight * part.Values[inner + j];
                weights[outer + j] += weight;
            }
        }
    }
}
