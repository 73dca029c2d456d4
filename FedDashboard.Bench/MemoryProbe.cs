namespace FedDashboard.Bench;

/// <summary>The most memory a piece of work added over what the process held before it, in MiB (see <see cref="MemoryProbe"/>).</summary>
/// <param name="AllocatedMb">Managed heap including objects not yet collected: mostly the young-generation budget the collector chose.</param>
/// <param name="RetainedMb">Managed heap as each collection left it: what the work kept alive.</param>
/// <param name="RssMb">Resident set: heap, native buffers, code.</param>
internal sealed record MemoryPeaks(double AllocatedMb, double RetainedMb, double RssMb);

/// <summary>
/// Samples the managed heap (with and without what is not yet collected) and the resident set every 2 ms on a thread of
/// its own, and reports each peak minus its value after a full, aggressive collection just before the work.
/// </summary>
internal sealed class MemoryProbe
{
    private readonly long _allocatedBaseline;
    private readonly long _retainedBaseline;
    private readonly long _rssBaseline;
    private readonly Thread _sampler;
    private volatile bool _stopped;
    private long _peakAllocated;
    private long _peakRetained;
    private long _peakRss;

    private MemoryProbe()
    {
        // Aggressive: the collector also hands its free memory back to the OS, so the resident set starts from what is
        // live and the work has to grow it again for whatever it needs.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _allocatedBaseline = _peakAllocated = GC.GetTotalMemory(forceFullCollection: true);
        _retainedBaseline = _peakRetained = Retained();
        _rssBaseline = _peakRss = Environment.WorkingSet;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "memory probe" };
        _sampler.Start();
    }

    public static MemoryProbe Start() => new();

    /// <summary>The heap size the latest collection left.</summary>
    private static long Retained() => GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;

    private void Sample()
    {
        while (!_stopped)
        {
            SampleOnce();
            Thread.Sleep(2);
        }
    }

    private void SampleOnce()
    {
        Raise(ref _peakAllocated, GC.GetTotalMemory(forceFullCollection: false));
        Raise(ref _peakRetained, Retained());
        Raise(ref _peakRss, Environment.WorkingSet);
    }

    private static void Raise(ref long peak, long value)
    {
        if (value > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, value);
    }

    public MemoryPeaks Stop()
    {
        _stopped = true;
        _sampler.Join();
        // One last sample: the work may have ended between two.
        SampleOnce();
        return new(Mb(_peakAllocated - _allocatedBaseline), Mb(_peakRetained - _retainedBaseline), Mb(_peakRss - _rssBaseline));
    }

    private static double Mb(long bytes) => bytes / 1048576.0;
}
