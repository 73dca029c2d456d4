using System.Runtime.InteropServices;

namespace FedDashboard.Bench;

internal static class MachineDescription
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
