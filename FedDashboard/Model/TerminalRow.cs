using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

public sealed record TerminalRow(
    int Id, string Name, TerminalType Type, HardwareTier Tier, int? EdgeId, string? Edge, bool Online,
    double CpuLoad, double Battery, int FreeMemoryMb, double TrainingSpeed, Reliability Reliability,
    string App, int DataSamples, DateTimeOffset DataUpdatedAt, bool DataAnonymized, DateTimeOffset LastSeen, double X, double Y,
    TerminalOrigin Origin, DateTimeOffset? OnlineUntil, string? AgentVersion, long Refusals)
{
    /// <param name="refusals">How many of its calls the edge refused, all codes together.</param>
    public static TerminalRow Of(Terminal t, string? edge, Reliability reliability, long refusals) =>
        new(t.Id, t.Name, t.Type, t.Tier, t.EdgeId, edge, t.Online, t.CpuLoad, t.Battery, t.FreeMemoryMb,
            t.TrainingSamplesPerSecond, reliability, t.App, t.DataSamples, t.DataUpdatedAt, t.DataAnonymized, t.LastSeen, t.PositionX, t.PositionY,
            t.Origin, t.OnlineUntil, t.AgentVersion, refusals);

    /// <summary>
    /// A row is the terminal it shows. The data grid keys its rows by item: compared by every value, a row whose
    /// telemetry changed was removed and drawn anew at each refresh (about 155 KB over the circuit for 25 rows), where
    /// compared by terminal it keeps its place and only the changed cells are sent.
    /// </summary>
    public bool Equals(TerminalRow? other) => other is not null && other.Id == Id;

    public override int GetHashCode() => Id;

    /// <summary>Heard from within its liveness window: a heartbeat promised another before <see cref="OnlineUntil"/>.</summary>
    public bool Connected(DateTimeOffset now) => OnlineUntil > now;

    /// <summary>
    /// Agrees with <see cref="Online"/>: a terminal still counted online whose window has passed is overdue (the liveness
    /// sweep takes it offline within a few seconds), not offline.
    /// </summary>
    public string ConnectionText(DateTimeOffset now) => Connected(now) ? "Connected" : Online ? "Overdue" : "Offline";

    public string LastHeartbeatText => LastSeen == default ? "never" : LastSeen.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss");

    public string EdgeText => Edge ?? "out of coverage";

    public TimeSpan DataAge(DateTimeOffset now) => now - DataUpdatedAt;

    public static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{age.TotalDays:0.#} d"
        : age.TotalHours >= 1 ? $"{age.TotalHours:0.#} h"
        : age.TotalMinutes >= 1 ? $"{age.TotalMinutes:0} min"
        : $"{Math.Max(0, age.TotalSeconds):0} s";
}
