using System.Globalization;
using System.Text.RegularExpressions;

namespace FedDashboard.Bench;

/// <summary>
/// Whether the simulated fleet kept its tick interval and the heartbeat flushes theirs, from the overrun warnings the
/// dashboard logged.
/// </summary>
internal sealed partial record FleetPace(int Terminals, int Overruns, double LongestSeconds, int FlushOverruns, double MedianFlushOverrunSeconds, double LongestFlushSeconds)
{
    public static FleetPace Of(int terminals, string serverOutput)
    {
        var ticks = Seconds(Overrun(), serverOutput);
        var flushes = Seconds(FlushOverrun(), serverOutput);
        return new FleetPace(terminals, ticks.Count, ticks.DefaultIfEmpty(0).Max(), flushes.Count,
            flushes.Count == 0 ? 0 : flushes.Order().ElementAt(flushes.Count / 2), flushes.DefaultIfEmpty(0).Max());
    }

    private static List<double> Seconds(Regex pattern, string output) =>
        [.. pattern.Matches(output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"A fleet tick took ([0-9.]+) s")]
    private static partial Regex Overrun();

    [GeneratedRegex(@"A heartbeat flush took ([0-9.]+) s")]
    private static partial Regex FlushOverrun();
}
