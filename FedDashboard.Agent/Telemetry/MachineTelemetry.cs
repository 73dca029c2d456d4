using System.Globalization;

namespace FedDashboard.Agent.Telemetry;

/// <summary>
/// This machine's state, read from Linux's /proc and /sys: CPU load since the previous reading, available memory, battery.
/// The roots are parameters so tests can hand it a folder of their own.
/// </summary>
internal sealed class MachineTelemetry(string proc = "/proc", string powerSupplies = "/sys/class/power_supply")
{
    private readonly Lock _gate = new();
    private CpuTimes? _previous;
    private CpuLoad _lastLoad;

    /// <summary>The load since the previous call (since boot at the first); a call too soon to measure (under 100 clock ticks of all cores) repeats the last figure.</summary>
    public CpuLoad CpuLoad()
    {
        var now = ReadCpu();
        lock (_gate)
        {
            if (_previous is { } previous && now.Total - previous.Total < 100) return _lastLoad;
            _lastLoad = CpuTimes.Between(_previous ?? new CpuTimes(0, 0, 0), now);
            _previous = now;
            return _lastLoad;
        }
    }

    /// <summary>MemAvailable from /proc/meminfo (MemFree on kernels before 3.14), in MiB.</summary>
    public int FreeMemoryMb()
    {
        var fields = File.ReadLines(Path.Combine(proc, "meminfo"))
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        var kilobytes = fields.GetValueOrDefault("MemAvailable") ?? fields.GetValueOrDefault("MemFree")
            ?? throw new FormatException($"{Path.Combine(proc, "meminfo")} has neither MemAvailable nor MemFree.");
        return (int)(long.Parse(kilobytes.Split(' ')[0], CultureInfo.InvariantCulture) / 1024);
    }

    /// <summary>The mean charge of the machine's batteries, 0..1; 1 on a machine without one (it runs on mains).</summary>
    public double Battery()
    {
        if (!Directory.Exists(powerSupplies)) return 1.0;
        var charges = Directory.EnumerateDirectories(powerSupplies)
            .Where(supply => ReadTrimmed(Path.Combine(supply, "type")) == "Battery")
            .Select(supply => ReadTrimmed(Path.Combine(supply, "capacity")))
            .Select(text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) ? (double?)Math.Clamp(percent / 100, 0, 1) : null)
            .OfType<double>()
            .ToList();
        return charges.Count == 0 ? 1.0 : charges.Average();
    }

    private CpuTimes ReadCpu()
    {
        var (total, idle) = CpuTimes.ParseMachine(File.ReadLines(Path.Combine(proc, "stat")).First());
        return new CpuTimes(total, idle, CpuTimes.ParseProcess(File.ReadAllText(Path.Combine(proc, "self", "stat"))));
    }

    private static string? ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
