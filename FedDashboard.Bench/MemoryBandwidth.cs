using System.Diagnostics;
using System.Numerics;

namespace FedDashboard.Bench;

/// <summary>
/// The machine's memory bandwidth as STREAM measures it (McCalpin): the triad a = b + s·c over arrays far larger than
/// the caches, split over every core, counting 24 bytes per element (two doubles read, one written); the best of the
/// repeats, as STREAM reports.
/// </summary>
internal static class MemoryBandwidth
{
    public static double TriadGigabytesPerSecond(int repeat, int elements = 20_000_000)
    {
        var (a, b, c) = (new double[elements], new double[elements], new double[elements]);
        Array.Fill(b, 1.0);
        Array.Fill(c, 2.0);
        var best = 0.0;
        for (var run = 0; run <= repeat; run++)
        {
            var clock = Stopwatch.StartNew();
            OnEveryCore(elements, (from, to) => Triad(a.AsSpan(from, to - from), b.AsSpan(from, to - from), c.AsSpan(from, to - from), 3.0));
            // The first run only touches the pages.
            if (run > 0) best = Math.Max(best, 24.0 * elements / clock.Elapsed.TotalSeconds / 1e9);
        }
        return best;
    }

    /// <summary>Runs <paramref name="work"/> on one slice of [0, length) per core, at cache-line-aligned boundaries.</summary>
    public static void OnEveryCore(int length, Action<int, int> work)
    {
        var cores = Environment.ProcessorCount;
        var slice = (length / cores + 15) & ~15;
        Parallel.For(0, cores, core =>
        {
            var from = Math.Min(length, core * slice);
            var to = Math.Min(length, from + slice);
            if (to > from) work(from, to);
        });
    }

    private static void Triad(Span<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, double s)
    {
        var i = 0;
        var scale = new Vector<double>(s);
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
            (new Vector<double>(b[i..]) + scale * new Vector<double>(c[i..])).CopyTo(a[i..]);
        for (; i < a.Length; i++) a[i] = b[i] + s * c[i];
    }
}
