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

    internal bool ShapeEquals(NamedArray other) =>
        Name == other.Name && Shape.AsSpan().SequenceEqual(other.Shape);
}
