namespace FedDashboard.Core.Domain.Topology;

/// <summary>A terminal's telemetry at one moment, kept for its history.</summary>
public sealed class TelemetryRecord
{
    private TelemetryRecord() { }

    public long Id { get; private set; }
    public int TerminalId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? EdgeId { get; private set; }
    public bool Online { get; private set; }
    public double CpuLoad { get; private set; }
    public double Battery { get; private set; }
    public int FreeMemoryMb { get; private set; }
    public double TrainingSamplesPerSecond { get; private set; }

    public static TelemetryRecord Of(Terminal terminal, DateTimeOffset at) => new()
    {
        TerminalId = terminal.Id,
        At = at,
        EdgeId = terminal.EdgeId,
        Online = terminal.Online,
        CpuLoad = terminal.CpuLoad,
        Battery = terminal.Battery,
        FreeMemoryMb = terminal.FreeMemoryMb,
        TrainingSamplesPerSecond = terminal.TrainingSamplesPerSecond,
    };
}
