using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Tiers;

/// <summary>
/// HeteroFL's nested sub-models (Diao et al. 2021): a narrower tier keeps hidden units and channels
/// [0, n) of every hidden layer, so each of its parameters is the top-left block of the global one.
/// The CNN's fc1 reads the flattened conv features channel-major (49 columns per channel), so keeping
/// the first channels keeps whole 49-column blocks, which are contiguous: again the top-left block,
/// as long as its width is 49 x the tier's channels, which <see cref="ModelLayout"/> gives.
/// </summary>
public static class SubModel
{
    /// <summary>True when every parameter of <paramref name="tier"/> is a block of the one in <paramref name="global"/>.</summary>
    public static bool Nests(ModelSpec tier, ModelSpec global)
    {
        ArgumentNullException.ThrowIfNull(tier);
        ArgumentNullException.ThrowIfNull(global);
        return tier.Architecture == global.Architecture && tier.Width <= global.Width;
    }

    /// <summary>The tier's parameters cut from the global model, shaped as <see cref="ModelInitializer.Initial"/> shapes them.</summary>
    public static ParameterSet Extract(ParameterSet global, ModelSpec globalSpec, ModelSpec tierSpec)
    {
        ArgumentNullException.ThrowIfNull(global);
        RequireNesting(tierSpec, globalSpec, nameof(tierSpec));
        RequireLayout(global, globalSpec, nameof(global));

        var tierLayout = ModelLayout.Of(tierSpec);
        var arrays = new NamedArray[tierLayout.Count];
        for (var i = 0; i < arrays.Length; i++)
        {
            var (name, shape) = tierLayout[i];
            var source = global.Arrays[i];
            var values = new float[shape.Aggregate(1, (count, dimension) => count * dimension)];
            foreach (var (inner, outer, length) in TopLeftRows.Of(shape, source.Shape))
            {
                Array.Copy(source.Values, outer, values, inner, length);
            }
            arrays[i] = new NamedArray(name, shape, values);
        }
        return new ParameterSet(arrays);
    }

    internal static void RequireNesting(ModelSpec tierSpec, ModelSpec globalSpec, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(tierSpec);
        ArgumentNullException.ThrowIfNull(globalSpec);
        if (!Nests(tierSpec, globalSpec))
        {
            throw new ArgumentException(
                $"The tier {ModelLayout.Describe(tierSpec)} does not nest in the global {ModelLayout.Describe(globalSpec)}: " +
                "a tier needs the same architecture and a width no greater than the global model's.",
                parameterName);
        }
    }

    internal static void RequireLayout(ParameterSet parameters, ModelSpec spec, string parameterName)
    {
        if (ModelLayout.Mismatch(parameters, spec) is { } mismatch)
        {
            throw new ArgumentException($"The parameter set does not fit {ModelLayout.Describe(spec)}: {mismatch}.", parameterName);
        }
    }
}
