using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Segments;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Learning.Anomaly;

/// <summary>
/// Measures how far each of an edge's updates in a round lies from the majority (anomalous updates). An update is the result
/// minus the edge's start model, in the global model's coordinates, and counts only where the result trained (its
/// width block and layers). Its size is the root mean square over those coordinates, so a narrow width or a single
/// layer compares fairly with a full model; the norm ratio divides it by the median size. Its direction is compared
/// with the coordinate-wise median of the updates (each coordinate over the results that trained it), by the cosine
/// over the coordinates the result trained: the median rather than the sum or mean of the others, so that a few large
/// updates cannot drag the majority's direction towards theirs.
/// </summary>
/// <remarks>Holds every update of the edge, one parameter array at a time; the caller holds the results themselves.</remarks>
public static class UpdateDeviations
{
    /// <summary>Fewer results than this have no majority to compare with; each deviation is then unknown.</summary>
    public const int MinResults = 3;

    /// <param name="start">The model the edge handed out, at the global width.</param>
    /// <returns>One deviation per result, in order.</returns>
    public static IReadOnlyList<UpdateDeviation> Measure(ParameterSet start, ModelSpec globalSpec, IReadOnlyList<TrainedResult> results)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(results);
        SubModel.RequireLayout(start, globalSpec, nameof(start));
        foreach (var result in results)
        {
            SubModel.RequireNesting(result.Spec, globalSpec, nameof(results));
            SubModel.RequireLayout(result.Parameters, result.Spec, nameof(results));
        }
        var n = results.Count;
        if (n < MinResults) return [.. Enumerable.Repeat(UpdateDeviation.Unknown, n)];

        var squares = new double[n];
        var counts = new long[n];
        var dots = new double[n];
        var medianSquares = new double[n];
        var column = new double[n];
        for (var a = 0; a < start.Arrays.Count; a++)
        {
            var deltas = results.Select(result => Delta(result, start.Arrays[a], a)).ToArray();
            for (var c = 0; c < start.Arrays[a].Values.Length; c++)
            {
                var k = 0;
                foreach (var delta in deltas)
                    if (!float.IsNaN(delta[c])) column[k++] = delta[c];
                if (k == 0) continue;
                var median = Median(column.AsSpan(0, k));
                for (var i = 0; i < n; i++)
                {
                    double d = deltas[i][c];
                    if (double.IsNaN(d)) continue;
                    squares[i] += d * d;
                    counts[i]++;
                    dots[i] += d * median;
                    medianSquares[i] += median * median;
                }
            }
        }

        var sizes = Enumerable.Range(0, n).Select(i => counts[i] > 0 ? Math.Sqrt(squares[i] / counts[i]) : 0).ToArray();
        var medianSize = Median(sizes.ToArray());
        return [.. Enumerable.Range(0, n).Select(i => new UpdateDeviation(
            medianSize > 0 ? sizes[i] / medianSize : null,
            squares[i] > 0 && medianSquares[i] > 0 ? dots[i] / Math.Sqrt(squares[i] * medianSquares[i]) : null))];
    }

    /// <summary>The result's update of one parameter array in global coordinates; NaN where the result did not train.</summary>
    private static float[] Delta(TrainedResult result, NamedArray start, int index)
    {
        var delta = new float[start.Values.Length];
        Array.Fill(delta, float.NaN);
        if (result.Segments is { } segments && !segments.Contains(ModelSegments.SegmentOf(start.Name))) return delta;
        var trained = result.Parameters.Arrays[index];
        foreach (var (inner, outer, length) in TopLeftRows.Of(trained.Shape, start.Shape))
        {
            for (var j = 0; j < length; j++) delta[outer + j] = trained.Values[inner + j] - start.Values[outer + j];
        }
        return delta;
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
