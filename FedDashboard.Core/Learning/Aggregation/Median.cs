using System.Numerics;

namespace FedDashboard.Core.Learning.Aggregation;

internal static class Median
{
    /// <summary>The middle value, or the mean of the two middle ones of an even count. Sorts <paramref name="values"/> in place.</summary>
    public static double Of<T>(Span<T> values) where T : INumber<T>
    {
        if (values.IsEmpty) throw new ArgumentException("The median of no values is undefined.", nameof(values));
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1
            ? double.CreateChecked(values[middle])
            : (double.CreateChecked(values[middle - 1]) + double.CreateChecked(values[middle])) / 2;
    }
}
