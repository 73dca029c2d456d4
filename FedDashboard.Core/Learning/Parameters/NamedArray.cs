using System.Numerics;

namespace FedDashboard.Core.Learning.Parameters;

/// <summary>One model tensor as plain data: row-major <see cref="Values"/> of the given <see cref="Shape"/>.</summary>
public sealed record NamedArray(string Name, int[] Shape, float[] Values)
{
    internal long ShapeElementCount()
    {
        long count = 1;
        foreach (var dimension in Shape)
        {
            count *= dimension;
        }
        return count;
    }

    public bool HasNonFinite()
    {
        // x − x is 0 for a finite x and NaN otherwise: one subtraction per element, SIMD, no branch.
        var check = Vector<float>.Zero;
        var i = 0;
        for (; i <= Values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = new Vector<float>(Values, i);
            check += x - x;
        }
        var tail = 0f;
        for (; i < Values.Length; i++) tail += Values[i] - Values[i];
        return !float.IsFinite(Vector.Sum(check) + tail);
    }

    internal bool ShapeEquals(NamedArray other) =>
        Name == other.Name && Shape.AsSpan().SequenceEqual(other.Shape);
}
