namespace FedDashboard.Bench;

/// <summary>
/// The most memory a piece of work added over what the process held before it: the managed heap
/// (GC.GetTotalMemory, live and not yet collected objects) and the resident set (RSS: heap, native buffers, code),
/// sampled every 2 ms on a thread of its own, minus their values after a full, aggressive collection just before.
/// </summary>
internal sealed class MemoryProbe
{
    private readonly long _managedBaseline;
    private readonly long _rssBaseline;
    private readonly Thread _sampler;
    private volatile bool _stopped;
    private long _peakManaged;
    private long _peakRss;

    private MemoryProbe()
    {
        // Aggressive: the collector also hands its free memory back to the OS, so the resident set starts from what is
        // live and the work has to grow it again for whatever it needs.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _managedBaseline = _peakManaged = GC.GetTotalMemory(forceFullCollection: true);
        _rssBaseline = _peakRss = Environment.WorkingSet;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "memory probe" };
        _sampler.Start();
    }

    public static MemoryProbe Start() => new();


    private void Sample()
    {
        while (!_stopped)
        {
            Raise(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
            Raise(ref _peakRss, Environment.WorkingSet);
            Thread.Sleep(2);
        }
    }

    private static void Raise(ref long peak, long value)
    {
        if (value > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, value);
    }

    /// <returns>The peaks over the baselines, in MiB.</returns>
    public (double ManagedMb, double RssMb) Stop()
    {
        _stopped = true;
        _sampler.Join();
        // One last sample: the work may have ended between two.
        Raise(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        Raise(ref _peakRss, Environment.WorkingSet);
        return ((_peakManaged - _managedBaseline) / 1048576.0, (_peakRss - _rssBaseline) / 1048576.0);
    }
}
