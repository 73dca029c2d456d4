using System.Globalization;
using System.Text.RegularExpressions;

namespace FedDashboard.Bench;

/// <summary>Whether the simulated fleet kept its tick interval, from the overrun warnings the dashboard logged.</summary>
internal sealed partial record FleetPace(int Terminals, int Overruns, double LongestSeconds)
{
    public static FleetPace Of(int terminals, string serverOutput)
    {
        var seconds = Overrun().Matches(serverOutput).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return new FleetPace(terminals, seconds.Count, seconds.Count == 0 ? 0 : seconds.Max());
    }

    [GeneratedRegex(@"A fleet tick took ([0-9.]+) s")]
    private static partial Regex Overrun();
}
