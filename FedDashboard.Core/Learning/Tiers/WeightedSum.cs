using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FedDashboard.Core.Learning.Tiers;

/// <summary>
/// Adds several weighted float arrays into one double array at the speed of memory: a block of the sums stays in the
/// first-level cache while the sources add to it four at a time, so each source is read once and the sums are read and
/// written once per four sources; SIMD with fused multiply-add, and large arrays split over the cores.
/// </summary>
internal static class WeightedSum
{
    // 2,048 doubles are 16 KiB: they stay in a core's 32 KiB first-level cache beside the sources' rows.
    private const int Block = 2048;
    private const int ParallelAbove = 64 * Block;
    private const int SourcesPerPass = 4;

    /// <summary>sums += Σ weights[r] · sources[r]; false when a source holds NaN or an infinity (the sums are then spoilt).</summary>
    public static bool TryAdd(double[] sums, IReadOnlyList<float[]> sources, IReadOnlyList<double> weights)
    {
        var (padded, paddedWeights) = PadToPasses(sources, weights);
        if (sums.Length < ParallelAbove) return TryAddRange(sums, padded, paddedWeights, 0, sums.Length);
        var finite = true;
        Parallel.ForEach(Partitioner.Create(0, sums.Length, ParallelAbove), (range, state) =>
        {
            if (TryAddRange(sums, padded, paddedWeights, range.Item1, range.Item2)) return;
            finite = false;
            state.Stop();
        });
        return finite;
    }

    /// <summary>
    /// Fills the last pass with the last source at weight 0: it was just read, so reading it again costs a first-level
    /// cache hit, not memory, and one kernel serves every count.
    /// </summary>
    private static (float[][] Sources, double[] Weights) PadToPasses(IReadOnlyList<float[]> sources, IReadOnlyList<double> weights)
    {
        var count = (sources.Count + SourcesPerPass - 1) / SourcesPerPass * SourcesPerPass;
        var padded = new float[count][];
        var paddedWeights = new double[count];
        for (var r = 0; r < count; r++)
        {
            padded[r] = sources[Math.Min(r, sources.Count - 1)];
            paddedWeights[r] = r < sources.Count ? weights[r] : 0;
        }
        return (padded, paddedWeights);
    }

    private static bool TryAddRange(double[] sums, float[][] sources, double[] weights, int from, int to)
    {
        for (var start = from; start < to; start += Block)
        {
            var sum = sums.AsSpan(start, Math.Min(Block, to - start));
            for (var r = 0; r < sources.Length; r += SourcesPerPass)
            {
                var pass = new Pass(
                    sources[r].AsSpan(start, sum.Length), sources[r + 1].AsSpan(start, sum.Length),
                    sources[r + 2].AsSpan(start, sum.Length), sources[r + 3].AsSpan(start, sum.Length),
                    weights.AsSpan(r, SourcesPerPass));
                if (!TryAddPass(sum, pass)) return false;
            }
        }
        return true;
    }

    private readonly ref struct Pass(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d, ReadOnlySpan<double> weights)
    {
        public readonly ReadOnlySpan<float> A = a, B = b, C = c, D = d;
        public readonly ReadOnlySpan<double> Weights = weights;
    }

    private static bool TryAddPass(Span<double> sum, Pass pass)
    {
        ref var s = ref MemoryMarshal.GetReference(sum);
        ref var a = ref MemoryMarshal.GetReference(pass.A);
        ref var b = ref MemoryMarshal.GetReference(pass.B);
        ref var c = ref MemoryMarshal.GetReference(pass.C);
        ref var d = ref MemoryMarshal.GetReference(pass.D);
        var (wa, wb, wc, wd) = (new Vector<double>(pass.Weights[0]), new Vector<double>(pass.Weights[1]), new Vector<double>(pass.Weights[2]), new Vector<double>(pass.Weights[3]));
        // x − x is 0 for a finite x and NaN otherwise, so the check costs one subtraction and no branch per element.
        var check = Vector<float>.Zero;
        var half = (nuint)Vector<double>.Count;
        var i = (nuint)0;
        for (; i + (nuint)Vector<float>.Count <= (nuint)sum.Length; i += (nuint)Vector<float>.Count)
        {
            var (xa, xb, xc, xd) = (Vector.LoadUnsafe(ref a, i), Vector.LoadUnsafe(ref b, i), Vector.LoadUnsafe(ref c, i), Vector.LoadUnsafe(ref d, i));
            check += (xa - xa) + (xb - xb) + (xc - xc) + (xd - xd);
            Vector.Widen(xa, out var aLow, out var aHigh);
            Vector.Widen(xb, out var bLow, out var bHigh);
            Vector.Widen(xc, out var cLow, out var cHigh);
            Vector.Widen(xd, out var dLow, out var dHigh);
            var low = Vector.LoadUnsafe(ref s, i);
            var high = Vector.LoadUnsafe(ref s, i + half);
            low = Vector.FusedMultiplyAdd(dLow, wd, Vector.FusedMultiplyAdd(cLow, wc, Vector.FusedMultiplyAdd(bLow, wb, Vector.FusedMultiplyAdd(aLow, wa, low))));
            high = Vector.FusedMultiplyAdd(dHigh, wd, Vector.FusedMultiplyAdd(cHigh, wc, Vector.FusedMultiplyAdd(bHigh, wb, Vector.FusedMultiplyAdd(aHigh, wa, high))));
            low.StoreUnsafe(ref s, i);
            high.StoreUnsafe(ref s, i + half);
        }
        var tail = 0f;
        for (var j = (int)i; j < sum.Length; j++)
        {
            tail += (pass.A[j] - pass.A[j]) + (pass.B[j] - pass.B[j]) + (pass.C[j] - pass.C[j]) + (pass.D[j] - pass.D[j]);
            sum[j] += pass.Weights[0] * pass.A[j] + pass.Weights[1] * pass.B[j] + pass.Weights[2] * pass.C[j] + pass.Weights[3] * pass.D[j];
        }
        return float.IsFinite(Vector.Sum(check) + tail);
    }
}
