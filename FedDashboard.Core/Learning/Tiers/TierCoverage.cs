using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Segments;


namespace FedDashboard.Core.Learning.Tiers;

/// <summary>
/// Where a result trained at a narrower width and on some layers sits in the global model: the top-left block of
/// each global array it trained, row by row. Every aggregation rule counts a result only there, so that a narrow
/// tier's missing rows and a segment's frozen layers never pull an element back towards the start.
/// </summary>
internal static class TierCoverage
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the result can be aggregated into <paramref name="template"/>.</summary>
    public static void Require(ParameterSet template, ParameterSet tierResult, ModelSpec tierSpec, ModelSpec globalSpec, double weight, IReadOnlySet<string>? segments)
    {
        RequireFit(template, tierResult, tierSpec, globalSpec, weight, segments);
        foreach (var array in tierResult.Arrays) RequireFinite(array);
    }

    /// <summary>As <see cref="Require"/>, but leaves the values' finiteness to the caller, who may check it while it reads them anyway.</summary>
    public static void RequireFit(ParameterSet template, ParameterSet tierResult, ModelSpec tierSpec, ModelSpec globalSpec, double weight, IReadOnlySet<string>? segments)
    {
        ArgumentNullException.ThrowIfNull(tierResult);
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentException($"Weight must be a finite number greater than 0, but was {weight}.", nameof(weight));
        }
        SubModel.RequireNesting(tierSpec, globalSpec, nameof(tierSpec));
        SubModel.RequireLayout(template, globalSpec, nameof(globalSpec));
        SubModel.RequireLayout(tierResult, tierSpec, nameof(tierResult));
        if (segments is not null)
        {
            ModelSegments.RequireKnown(segments, globalSpec.Architecture, nameof(segments));
        }
    }

    public static void RequireFinite(NamedArray array)
    {
        if (array.HasNonFinite())
        {
            throw new ArgumentException($"The tier result's '{array.Name}' contains NaN or infinite values and cannot be aggregated.", "tierResult");
        }
    }

    /// <summary>The indexes of the template's arrays in the trained layers (null: all layers).</summary>
    public static IEnumerable<int> Arrays(ParameterSet template, IReadOnlySet<string>? segments) =>
        Enumerable.Range(0, template.Arrays.Count).Where(i => segments is null || segments.Contains(ModelSegments.SegmentOf(template.Arrays[i].Name)));

    /// <summary>
    /// Each row the result trained: the index of the array, the row's offset in the result's array and in the
    /// template's, and its length. Arrays of layers outside <paramref name="segments"/> (null: all layers) are skipped.
    /// </summary>
    public static IEnumerable<(int Array, int Inner, int Outer, int Length)> Rows(ParameterSet template, ParameterSet tierResult, IReadOnlySet<string>? segments)
    {
        foreach (var i in Arrays(template, segments))
        {
            foreach (var (inner, outer, length) in TopLeftRows.Of(tierResult.Arrays[i].Shape, template.Arrays[i].Shape))
            {
                yield return (i, inner, outer, length);
            }
        }
    }
}
