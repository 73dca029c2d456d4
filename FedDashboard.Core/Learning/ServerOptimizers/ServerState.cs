using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.ServerOptimizers;

/// <summary>
/// A server optimizer's state as one parameter set: one slot (momentum, second moment, ...) per model array, named
/// "slot:array", so the blob store keeps it as it keeps models.
/// </summary>
internal static class ServerState
{
    /// <summary>The slot's arrays in the model's order, copied from the state or zeros when the state has none.</summary>
    public static float[][] Slot(ParameterSet? state, string slot, ParameterSet model) =>
    [
        .. model.Arrays.Select(array =>
        {
            if (state is null || !state.TryGet(NameOf(slot, array.Name), out var kept)) return new float[array.Values.Length];
            if (!kept.Shape.AsSpan().SequenceEqual(array.Shape))
                throw new ArgumentException($"The server state's {slot} of '{array.Name}' has shape [{string.Join(", ", kept.Shape)}], the model [{string.Join(", ", array.Shape)}].", nameof(state));
            return (float[])kept.Values.Clone();
        }),
    ];

    public static ParameterSet Of(ParameterSet model, params (string Slot, float[][] Values)[] slots) =>
        new(slots.SelectMany(slot => model.Arrays.Select((array, i) => new NamedArray(NameOf(slot.Slot, array.Name), (int[])array.Shape.Clone(), slot.Values[i]))));

    public static void RequireSameShape(ParameterSet start, ParameterSet aggregate)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(aggregate);
        if (!start.ShapeMatches(aggregate)) throw new ArgumentException("The aggregate does not have the start model's arrays and shapes.", nameof(aggregate));
    }

    private static string NameOf(string slot, string array) => $"{slot}:{array}";
}
