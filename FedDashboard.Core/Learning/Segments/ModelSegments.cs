using FedDashboard.Core.Learning.Models;


namespace FedDashboard.Core.Learning.Segments;

/// <summary>
/// The layers a model can be split into for segmented training: a segment is a layer name
/// ("fc2"), and a parameter belongs to the layer its name starts with ("fc2.weight", "fc2.bias").
/// </summary>
public static class ModelSegments
{
    public static IReadOnlyList<string> Of(ModelArchitecture architecture) =>
        [.. ModelLayout.Of(new ModelSpec(architecture)).Select(parameter => SegmentOf(parameter.Name)).Distinct()];

    public static string SegmentOf(string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        var dot = parameterName.LastIndexOf('.');
        return dot > 0
            ? parameterName[..dot]
            : throw new ArgumentException($"'{parameterName}' is not a layer parameter name such as 'fc1.weight'.", nameof(parameterName));
    }

    /// <summary>Throws unless the set names at least one segment and only segments of the architecture.</summary>
    internal static void RequireKnown(IReadOnlySet<string> segments, ModelArchitecture architecture, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(segments, parameterName);
        var known = Of(architecture);
        var unknown = segments.Where(segment => !known.Contains(segment)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"Unknown segment(s) {string.Join(", ", unknown.Select(s => $"'{s}'"))} for {architecture}; its segments are {string.Join(", ", known)}.",
                parameterName);
        }
        if (segments.Count == 0)
        {
            throw new ArgumentException($"The set of segments is empty; name at least one of {string.Join(", ", known)}.", parameterName);
        }
    }
}
