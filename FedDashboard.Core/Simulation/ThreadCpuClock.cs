using System.Runtime.InteropServices;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// The CPU time the calling thread has used, where the system tells it (Linux). A training's span also counts the time
/// its thread waited for a core held by the downloads, uploads and evaluations beside it; this does not.
/// </summary>
internal static class ThreadCpuClock
{
    // CLOCK_THREAD_CPUTIME_ID in <time.h>.
    private const int ThreadCpuTime = 3;

    public static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ThreadCpuTime, out var time) != 0) return null;
        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / TimeSpan.NanosecondsPerTick);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec time);
}
