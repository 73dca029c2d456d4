using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Topology;

namespace FedDashboard.Model;

public sealed record TerminalRow(
    int Id, string Name, TerminalType Type, HardwareTier Tier, int? EdgeId, string? Edge, bool Online,
    double CpuLoad, double Battery, int FreeMemoryMb, double TrainingSpeed, Reliability Reliability,
    string App, int DataSamples, DateTimeOffset DataUpdatedAt, bool DataAnonymized, DateTimeOffset LastSeen, double X, double Y)
{
    public string EdgeText => Edge ?? "out of coverage";

    /// <summary>For sorting: terminals with no work yet sort below every rate.</summary>
    public double ReliabilitySortKey => Reliability.Rate ?? -1;

    public TimeSpan DataAge(DateTimeOffset now) => now - DataUpdatedAt;

    public static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{age.TotalDays:0.#} d"
        : age.TotalHours >= 1 ? $"{age.TotalHours:0.#} h"
        : age.TotalMinutes >= 1 ? $"{age.TotalMinutes:0} min"
        : $"{Math.Max(0, age.TotalSeconds):0} s";
}
