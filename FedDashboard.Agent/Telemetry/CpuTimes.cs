using System.Globalization;

namespace FedDashboard.Agent.Telemetry;

/// <summary>
/// Cumulative CPU time since boot, in clock ticks: the whole machine's (all cores, from /proc/stat's first line) and this
/// process's (user + system, from /proc/self/stat).
/// </summary>
internal readonly record struct CpuTimes(long Total, long Idle, long Own)
{
    /// <summary>"cpu  user nice system idle iowait irq softirq steal ..." ; idle time counts idle and iowait.</summary>
    public static (long Total, long Idle) ParseMachine(string statFirstLine)
    {
        var fields = statFirstLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu") throw new FormatException($"Not the summary line of /proc/stat: '{statFirstLine}'.");
        // guest and guest_nice (fields 9 and 10) are already counted in user and nice.
        var ticks = fields.Skip(1).Take(8).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var idle = ticks[3] + (ticks.Length > 4 ? ticks[4] : 0);
        return (ticks.Sum(), idle);
    }

    /// <summary>/proc/[pid]/stat: the command in parentheses may hold spaces, so count fields after its closing one (utime is field 14, stime 15).</summary>
    public static long ParseProcess(string processStat)
    {
        var afterCommand = processStat[(processStat.LastIndexOf(')') + 2)..].Split(' ');
        // afterCommand[0] is field 3 (state).
        return long.Parse(afterCommand[11], CultureInfo.InvariantCulture) + long.Parse(afterCommand[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The machine's busy share between two readings and the share of it other processes caused, each 0..1.</summary>
    public static CpuLoad Between(CpuTimes before, CpuTimes after)
    {
        var total = after.Total - before.Total;
        if (total <= 0) return new CpuLoad(0, 0);
        var busy = Math.Clamp((total - (after.Idle - before.Idle)) / (double)total, 0, 1);
        var own = Math.Clamp((after.Own - before.Own) / (double)total, 0, 1);
        return new CpuLoad(busy, Math.Max(busy - own, 0));
    }
}

/// <param name="Machine">How busy the whole machine was.</param>
/// <param name="Others">How busy processes other than the agent kept it: what the agent's own training cannot help.</param>
internal readonly record struct CpuLoad(double Machine, double Others);
