using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Learning.Scaffold;

/// <summary>
/// A SCAFFOLD result travels as one parameter set: the trained model's arrays, then Δc_i's under the same names with
/// <see cref="Prefix"/>. One body keeps the upload's single content hash and idempotency key covering both.
/// </summary>
public static class ControlDeltaUpload
{
    public const string Prefix = ScaffoldControls.DeltaPrefix;

    public static ParameterSet Join(ParameterSet model, ParameterSet delta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(delta);
        return new ParameterSet(model.Arrays.Concat(delta.Arrays.Select(array => array with { Name = Prefix + array.Name })));
    }

    /// <summary>The model's arrays, and Δc_i's with the prefix taken off (null when the upload has none).</summary>
    public static (ParameterSet Model, ParameterSet? Delta) Split(ParameterSet upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var delta = upload.Arrays.Where(IsDelta).Select(array => array with { Name = array.Name[Prefix.Length..] }).ToList();
        return delta.Count == 0 ? (upload, null) : (new ParameterSet(upload.Arrays.Where(array => !IsDelta(array))), new ParameterSet(delta));
    }

    /// <summary>The encoded size of a model part with its Δc_i.</summary>
    public static long EncodedLength(ModelSpec spec)
    {
        var layout = ModelLayout.Of(spec);
        return ParameterSetCodec.EncodedLength(layout.Concat(layout.Select(array => (Prefix + array.Name, array.Shape))));
    }

    private static bool IsDelta(NamedArray array) => array.Name.StartsWith(Prefix, StringComparison.Ordinal);
}
