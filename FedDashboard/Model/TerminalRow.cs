using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

public sealed record TerminalRow(
    int Id, string Name, TerminalType Type, HardwareTier Tier, int? EdgeId, string? Edge, bool Online,
    double CpuLoad, double Battery, int FreeMemoryMb, double TrainingSpeed, Reliability Reliability,
    string App, int DataSamples, DateTimeOffset DataUpdatedAt, bool DataAnonymized, DateTimeOffset LastSeen, double X, double Y)
{
    public static TerminalRow Of(Terminal t, string? edge, Reliability reliability) =>
        new(t.Id, t.Name, t.Type, t.Tier, t.EdgeId, edge, t.Online, t.CpuLoad, t.Battery, t.FreeMemoryMb,
            t.TrainingSamplesPerSecond, reliability, t.App, t.DataSamples, t.DataUpdatedAt, t.DataAnonymized, t.LastSeen, t.PositionX, t.PositionY);

    public string EdgeText => Edge ?? "out of coverage";

    public TimeSpan DataAge(DateTimeOffset now) => now - DataUpdatedAt;

    public static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{age.TotalDays:0.#} d"
        : age.TotalHours >= 1 ? $"{age.TotalHours:0.#} h"
        : age.TotalMinutes >= 1 ? $"{age.TotalMinutes:0} min"
        : $"{Math.Max(0, age.TotalSeconds):0} s";
}
