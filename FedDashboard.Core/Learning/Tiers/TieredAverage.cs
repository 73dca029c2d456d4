namespace FedDashboard.Core.Learning;

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
        ArgumentNullException.ThrowIfNull(tierResult);
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentException($"Weight must be a finite number greater than 0, but was {weight}.", nameof(weight));
        }
        SubModel.RequireNesting(tierSpec, globalSpec, nameof(tierSpec));
        SubModel.RequireLayout(_template, globalSpec, nameof(globalSpec));
        SubModel.RequireLayout(tierResult, tierSpec, nameof(tierResult));
        if (tierResult.HasNonFinite())
        {
            throw new ArgumentException("The tier result contains NaN or infinite values and cannot be averaged.", nameof(tierResult));
        }
        if (segments is not null)
        {
            ModelSegments.RequireKnown(segments, globalSpec.Architecture, nameof(segments));
        }

        for (var i = 0; i < _sums.Length; i++)
        {
            if (segments is not null && !segments.Contains(ModelSegments.SegmentOf(_template.Arrays[i].Name)))
            {
                continue;
            }
            var result = tierResult.Arrays[i];
            var (sum, weights) = (_sums[i], _weights[i]);
            foreach (var (inner, outer, length) in TopLeftRows.Of(result.Shape, _template.Arrays[i].Shape))
            {
                for (var j = 0; j < length; j++)
                {
                    sum[outer + j] += weight * result.Values[inner + j];
                    weights[outer + j] += weight;
                }
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
