namespace FedDashboard.Core.Learning;

/// <summary>
/// Puts a layer-split model back together: each segment becomes the weighted mean of the pieces that
/// trained it, and a segment no piece trained keeps the base model's values. What a piece holds outside
/// its own segments is ignored. Streams: one running sum per trained array, never the pieces themselves.
/// </summary>
public static class SegmentCombiner
{
    public static ParameterSet Combine(
        ParameterSet baseModel,
        IEnumerable<(ParameterSet Result, IReadOnlySet<string> Segments, double Weight)> pieces,
        ModelArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(pieces);
        RequireArchitectureNames(baseModel, architecture);

        var sums = new double[baseModel.Arrays.Count][];
        var segmentWeights = new Dictionary<string, double>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (result, segments, weight) in pieces)
        {
            RequirePiece(result, segments, weight, baseModel, architecture, position++);
            foreach (var segment in segments)
            {
                segmentWeights[segment] = segmentWeights.GetValueOrDefault(segment) + weight;
            }
            for (var i = 0; i < sums.Length; i++)
            {
                if (!segments.Contains(ModelSegments.SegmentOf(baseModel.Arrays[i].Name)))
                {
                    continue;
                }
                var values = result.Arrays[i].Values;
                var sum = sums[i] ??= new double[values.Length];
                for (var j = 0; j < sum.Length; j++)
                {
                    sum[j] += weight * values[j];
                }
            }
        }

        return new ParameterSet(baseModel.Arrays.Select((array, i) =>
        {
            if (sums[i] is not { } sum)
            {
                return array;
            }
            var totalWeight = segmentWeights[ModelSegments.SegmentOf(array.Name)];
            var mean = new float[sum.Length];
            for (var j = 0; j < mean.Length; j++)
            {
                mean[j] = (float)(sum[j] / totalWeight);
            }
            return new NamedArray(array.Name, (int[])array.Shape.Clone(), mean);
        }));
    }

    // Names only, not shapes: segments do not depend on width, so any width of the architecture combines.
    private static void RequireArchitectureNames(ParameterSet baseModel, ModelArchitecture architecture)
    {
        var expected = ModelLayout.Of(new ModelSpec(architecture)).Select(parameter => parameter.Name);
        if (!baseModel.Arrays.Select(array => array.Name).SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"The base model's arrays ({string.Join(", ", baseModel.Arrays.Select(array => array.Name))}) are not those of {architecture} ({string.Join(", ", expected)}).",
                nameof(baseModel));
        }
    }

    private static void RequirePiece(
        ParameterSet result, IReadOnlySet<string> segments, double weight, ParameterSet baseModel, ModelArchitecture architecture, int position)
    {
        var name = $"pieces[{position}]";
        if (result is null)
        {
            throw new ArgumentException($"Piece {position} has no result.", name);
        }
        ModelSegments.RequireKnown(segments, architecture, name);
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentException($"Piece {position}: weight must be a finite number greater than 0, but was {weight}.", name);
        }
        if (!result.ShapeMatches(baseModel))
        {
            throw new ArgumentException($"Piece {position}: its names or shapes differ from the base model's.", name);
        }
        if (result.HasNonFinite())
        {
            throw new ArgumentException($"Piece {position} contains NaN or infinite values and cannot be combined.", name);
        }
    }
}
