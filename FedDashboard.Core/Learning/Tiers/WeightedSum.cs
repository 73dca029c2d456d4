using System.Collections.Concurrent;
using System.Numerics;

namespace FedDashboard.Core.Learning.Tiers;

/// <summary>
/// Adds several weighted float arrays into one double array at the speed of memory: a block of the sums stays in the
/// first-level cache while every source adds to it, so each source is read once and the sums are read and written once
/// per group instead of once per source; SIMD, and large arrays split over the cores.
/// </summary>
internal static class WeightedSum
{
    // 2,048 doubles are 16 KiB: they stay in a core's 32 KiB first-level cache beside the sources' rows.
    private const int Block = 2048;
    private const int ParallelAbove = 64 * Block;

    /// <summary>sums += Σ weights[r] · sources[r]; false when a source holds NaN or an infinity (the sums are then spoilt).</summary>
    public static bool TryAdd(double[] sums, IReadOnlyList<float[]> sources, IReadOnlyList<double> weights)
    {
        if (sums.Length < ParallelAbove) return TryAddRange(sums, sources, weights, 0, sums.Length);
        var finite = true;
        Parallel.ForEach(Partitioner.Create(0, sums.Length, ParallelAbove), (range, state) =>
        {
            if (TryAddRange(sums, sources, weights, range.Item1, range.Item2)) return;
            finite = false;
            state.Stop();
        });
        return finite;
    }

    private static bool TryAddRange(double[] sums, IReadOnlyList<float[]> sources, IReadOnlyList<double> weights, int from, int to)
    {
        for (var start = from; start < to; start += Block)
        {
            var sum = sums.AsSpan(start, Math.Min(Block, to - start));
            for (var r = 0; r < sources.Count; r++)
            {
                if (!TryAddBlock(sum, sources[r].AsSpan(start, sum.Length), weights[r])) return false;
            }
        }
        return true;
    }

    private static bool TryAddBlock(Span<double> sum, ReadOnlySpan<float> source, double weight)
    {
        var w = new Vector<double>(weight);
        // x − x is 0 for a finite x and NaN otherwise, so the check costs one subtraction and no branch per element.
        var check = Vector<float>.Zero;
        var i = 0;
        for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = new Vector<float>(source[i..]);
            check += x - x;
            Vector.Widen(x, out var low, out var high);
            var lowSum = sum[i..];
            var highSum = sum[(i + Vector<double>.Count)..];
            (new Vector<double>(lowSum) + w * low).CopyTo(lowSum);
            (new Vector<double>(highSum) + w * high).CopyTo(highSum);
        }
        var tail = 0f;
        for (; i < source.Length; i++)
        {
            tail += source[i] - source[i];
            sum[i] += weight * source[i];
        }
        return float.IsFinite(Vector.Sum(check) + tail);
    }
}
