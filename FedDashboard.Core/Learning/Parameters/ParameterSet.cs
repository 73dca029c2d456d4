namespace FedDashboard.Core.Learning.Parameters;

/// <summary>
/// A model's parameters as an ordered list of named arrays, in TorchSharp state_dict order.
/// Plain .NET data: aggregation, storage and transport never need libtorch.
/// </summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, NamedArray> _byName;

    public ParameterSet(IEnumerable<NamedArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var list = arrays.ToArray();
        _byName = new Dictionary<string, NamedArray>(list.Length, StringComparer.Ordinal);
        foreach (var array in list)
        {
            Validate(array);
            if (!_byName.TryAdd(array.Name, array))
            {
                throw new ArgumentException($"Parameter name '{array.Name}' occurs more than once.", nameof(arrays));
            }
            ElementCount += array.Values.Length;
        }
        Arrays = list;
    }

    public IReadOnlyList<NamedArray> Arrays { get; }

    public long ElementCount { get; }

    public NamedArray this[string name] =>
        _byName.TryGetValue(name, out var array)
            ? array
            : throw new KeyNotFoundException($"The parameter set has no array named '{name}'.");

    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NamedArray? array) =>
        _byName.TryGetValue(name, out array);

    /// <summary>True when both sets have the same names with the same shapes in the same order.</summary>
    public bool ShapeMatches(ParameterSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Arrays.Count != Arrays.Count)
        {
            return false;
        }
        for (var i = 0; i < Arrays.Count; i++)
        {
            if (!Arrays[i].ShapeEquals(other.Arrays[i]))
            {
                return false;
            }
        }
        return true;
    }

    public bool HasNonFinite() => Arrays.Any(array => array.HasNonFinite());

    private static void Validate(NamedArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (string.IsNullOrEmpty(array.Name))
        {
            throw new ArgumentException("A parameter array has an empty name.", nameof(array));
        }
        if (array.Shape is null || array.Values is null)
        {
            throw new ArgumentException($"Parameter '{array.Name}' has a null shape or values.", nameof(array));
        }
        if (array.Shape.Any(dimension => dimension < 0))
        {
            throw new ArgumentException($"Parameter '{array.Name}' has a negative dimension in shape [{string.Join(", ", array.Shape)}].", nameof(array));
        }
        if (array.ShapeElementCount() != array.Values.Length)
        {
            throw new ArgumentException(
                $"Parameter '{array.Name}' has shape [{string.Join(", ", array.Shape)}] ({array.ShapeElementCount()} elements) but {array.Values.Length} values.",
                nameof(array));
        }
    }
}
