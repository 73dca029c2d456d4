using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Models;

/// <summary>
/// The parameter names and shapes <see cref="ModelFactory"/> builds for a spec, in state_dict order,
/// worked out without libtorch so that pure parameter maths (tiers, segments) can check its inputs.
/// A test keeps the two in step.
/// </summary>
internal static class ModelLayout
{
    // Two 2x2 poolings leave 28/4 = 7 pixels a side; Flatten is channel-major, so fc1 reads 49 columns per channel.
    private const int _pooledPixels = 7 * 7;

    public static IReadOnlyList<(string Name, int[] Shape)> Of(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Architecture switch
        {
            ModelArchitecture.Mlp2NN => Mlp2NN(spec.Scaled(200)),
            ModelArchitecture.Cnn => Cnn(spec.Scaled(32), spec.Scaled(64), spec.Scaled(512)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Architecture, "Unknown model architecture."),
        };
    }

    /// <summary>Null when the set has exactly the spec's names and shapes in order, else what differs first.</summary>
    public static string? Mismatch(ParameterSet parameters, ModelSpec spec)
    {
        var layout = Of(spec);
        if (parameters.Arrays.Count != layout.Count)
        {
            var missing = layout.Select(parameter => parameter.Name).Where(name => !parameters.TryGet(name, out _)).ToArray();
            var extra = parameters.Arrays.Select(array => array.Name).Where(name => layout.All(parameter => parameter.Name != name)).ToArray();
            var names = (missing.Length > 0 ? $"; missing {string.Join(", ", missing)}" : "")
                + (extra.Length > 0 ? $"; not in the model: {string.Join(", ", extra)}" : "");
            return $"it has {parameters.Arrays.Count} arrays but {Describe(spec)} has {layout.Count}{names}";
        }
        for (var i = 0; i < layout.Count; i++)
        {
            var (name, shape) = layout[i];
            var array = parameters.Arrays[i];
            if (array.Name != name || !array.Shape.AsSpan().SequenceEqual(shape))
            {
                return $"array {i} is {array.Name}[{string.Join("x", array.Shape)}] but {Describe(spec)} needs {name}[{string.Join("x", shape)}]";
            }
        }
        return null;
    }

    public static string Describe(ModelSpec spec) => $"{spec.Architecture} at width {spec.Width}";

    private static (string, int[])[] Mlp2NN(int hidden) =>
    [
        .. Linear("fc1", MnistSplit.PixelsPerImage, hidden),
        .. Linear("fc2", hidden, hidden),
        .. Linear("fc3", hidden, MnistSplit.ClassCount),
    ];

    private static (string, int[])[] Cnn(int channels1, int channels2, int hidden) =>
    [
        ("conv1.weight", [channels1, 1, 5, 5]),
        ("conv1.bias", [channels1]),
        ("conv2.weight", [channels2, channels1, 5, 5]),
        ("conv2.bias", [channels2]),
        .. Linear("fc1", _pooledPixels * channels2, hidden),
        .. Linear("fc2", hidden, MnistSplit.ClassCount),
    ];

    private static (string, int[])[] Linear(string layer, int inputs, int outputs) =>
        [($"{layer}.weight", [outputs, inputs]), ($"{layer}.bias", [outputs])];
}
