using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Tests.Shared;

/// <summary>Small hand-made parameter sets: a 2x2 "w" and a length-2 "b" unless told otherwise.</summary>
public static class TestParameters
{
    public static ParameterSet Set(float[]? w = null, float[]? b = null) => new(
    [
        new NamedArray("w", [2, 2], w ?? [1f, 2f, 3f, 4f]),
        new NamedArray("b", [2], b ?? [0.5f, -0.5f]),
    ]);

    public static ParameterSet Single(string name, int[] shape, float[] values) => new([new NamedArray(name, shape, values)]);
}
