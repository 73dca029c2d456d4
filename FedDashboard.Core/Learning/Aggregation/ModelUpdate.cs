using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>
/// A result's update: how far it moved from the start model, over the part it trained (<see cref="TierCoverage"/>).
/// Callers have checked that the result nests in the start model.
/// </summary>
internal static class ModelUpdate
{
    /// <summary>The L2 norm of result − start, in double precision.</summary>
    public static double Norm(ParameterSet start, ParameterSet tierResult, IReadOnlySet<string>? segments)
    {
        var squares = 0.0;
        foreach (var (array, inner, outer, length) in TierCoverage.Rows(start, tierResult, segments))
        {
            var (trained, origin) = (tierResult.Arrays[array].Values, start.Arrays[array].Values);
            for (var j = 0; j < length; j++)
            {
                var step = (double)trained[inner + j] - origin[outer + j];
                squares += step * step;
            }
        }
        return Math.Sqrt(squares);
    }

    /// <summary>start + factor · (result − start) over the trained part; the result's other values are kept as they are.</summary>
    public static ParameterSet Scale(ParameterSet start, ParameterSet tierResult, double factor, IReadOnlySet<string>? segments)
    {
        var arrays = tierResult.Arrays.Select(array => array with { Values = (float[])array.Values.Clone() }).ToArray();
        foreach (var (array, inner, outer, length) in TierCoverage.Rows(start, tierResult, segments))
        {
            var (scaled, origin) = (arrays[array].Values, start.Arrays[array].Values);
            for (var j = 0; j < length; j++)
            {
                scaled[inner + j] = (float)(origin[outer + j] + factor * (scaled[inner + j] - origin[outer + j]));
            }
        }
        return new ParameterSet(arrays);
    }
}
