using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using System.Diagnostics;
using System.Runtime;

namespace FedDashboard.Bench;

/// <summary>
/// FedAvg over N results of the CNN, in GB/s of results read, beside the machine's memory bandwidth measured in the same
/// run; and the bytes it allocates, which must stay those of a model or two whatever N is. Results are read from memory
/// (the aggregation itself) and from the blob store as a round reads them (decoding included).
/// </summary>
internal static class AggregateBenchmark
{
    /// <summary>Distinct results, together far larger than the last-level cache, so every read comes from memory.</summary>
    private const int DistinctResults = 16;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var counts = args.PositiveIntegers("results", "10,100,1000");
        var repeat = args.PositiveInteger("repeat", 5);
        var spec = new ModelSpec(ModelArchitecture.Cnn);
        var start = ModelInitializer.Initial(spec, seed: 1);
        var modelBytes = start.ElementCount * sizeof(float);
        Console.WriteLine($"Aggregate benchmark: FedAvg over N results of the CNN ({start.ElementCount:N0} parameters, {modelBytes / 1e6:0.0} MB each), best and median of {repeat}");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");

        var bandwidth = MemoryBandwidth.TriadGigabytesPerSecond(repeat);
        Console.WriteLine($"Memory bandwidth (STREAM triad, {Environment.ProcessorCount} threads): {bandwidth:0.0} GB/s");

        var pool = Enumerable.Range(0, DistinctResults).Select(i => ModelInitializer.Initial(spec, seed: 100 + i)).ToArray();
        var blobFolder = Directory.CreateTempSubdirectory("fed-bench-aggregate");
        try
        {
            var blobs = new ModelBlobStore(blobFolder.FullName);
            var hashes = pool.Select(blobs.Put).ToArray();
            var runs = new List<AggregateRun>();
            foreach (var n in counts)
            {
                runs.Add(Measure("memory", n, repeat, modelBytes, bandwidth, () => Results(n, spec, i => pool[i % DistinctResults]), start, spec));
                runs.Add(Measure("blob store", n, repeat, modelBytes, bandwidth, () => Results(n, spec, i => blobs.Get(hashes[i % DistinctResults])), start, spec));
            }

            Console.WriteLine();
            Console.WriteLine($"{"N",6} {"read from",-11} {"best ms",9} {"median ms",10} {"GB/s",7} {"of bandwidth",13} {"allocated MB",13}   target ≥ 50 % of {bandwidth:0.0} GB/s, memory O(model)");
            foreach (var run in runs)
                Console.WriteLine($"{run.Results,6:N0} {run.ReadFrom,-11} {run.BestMs,9:N1} {run.MedianMs,10:N1} {run.GigabytesPerSecond,7:0.00} {run.OfBandwidth,13:P0} {run.AllocatedMegabytes,13:N1}");
            Console.WriteLine($"Results: {await BenchResults.WriteAsync("aggregate", new
            {
                benchmark = "aggregate",
                machine = MachineDescription.Describe(),
                model = "cnn",
                parameters = start.ElementCount,
                triadGigabytesPerSecond = bandwidth,
                measured = "GB/s: the results' parameter bytes (4 per parameter) aggregated per second, best of the repeats; allocated: bytes the aggregation allocated in its best run",
                runs,
            })}");
        }
        finally
        {
            blobFolder.Delete(recursive: true);
        }
        return 0;
    }

    private static List<TierResult> Results(int n, ModelSpec spec, Func<int, ParameterSet> read) =>
        [.. Enumerable.Range(0, n).Select(i => new TierResult(() => read(i), spec, Weight: 300 + i % 7 * 100))];

    private static AggregateRun Measure(string readFrom, int n, int repeat, long modelBytes, double bandwidth, Func<List<TierResult>> results, ParameterSet start, ModelSpec spec)
    {
        var aggregation = new FedAvg();
        var times = new List<double>();
        var allocated = long.MaxValue;
        // Tiered JIT recompiles the kernel's loops in the background, after 30 calls and a delay that new compilations
        // extend: a fixed second of warm-up still left the first configuration measured ~20 % slow (N = 100) to 3× (N = 10).
        // Warming up until the JIT has compiled nothing for half a second keeps its work out of the measured runs.
        var warmup = Stopwatch.StartNew();
        var quietSince = TimeSpan.Zero;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (warmup.Elapsed < TimeSpan.FromSeconds(1) || warmup.Elapsed - quietSince < TimeSpan.FromSeconds(0.5))
        {
            aggregation.Aggregate(start, spec, results());
            var now = JitInfo.GetCompiledMethodCount();
            if (now == compiled) continue;
            compiled = now;
            quietSince = warmup.Elapsed;
        }
        for (var run = 0; run <= repeat; run++)
        {
            var input = results();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            aggregation.Aggregate(start, spec, input);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            // The first run warms the code and the pages up.
            if (run == 0) continue;
            times.Add(elapsed);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        }
        times.Sort();
        var best = times[0];
        var gigabytesPerSecond = n * modelBytes / (best / 1000) / 1e9;
        var measured = new AggregateRun(n, readFrom, best, times[times.Count / 2], gigabytesPerSecond, gigabytesPerSecond / bandwidth, allocated / 1e6);
        Console.WriteLine($"  N {n,5:N0} from {readFrom,-10}: best {best,8:N1} ms, {gigabytesPerSecond,6:0.00} GB/s ({measured.OfBandwidth:P0} of bandwidth), {measured.AllocatedMegabytes:N1} MB allocated");
        return measured;
    }

    private sealed record AggregateRun(int Results, string ReadFrom, double BestMs, double MedianMs, double GigabytesPerSecond, double OfBandwidth, double AllocatedMegabytes);
}
