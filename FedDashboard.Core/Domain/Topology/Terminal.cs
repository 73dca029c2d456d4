using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Core.Domain.Topology;

/// <summary>A user terminal with its latest telemetry.</summary>
public sealed class Terminal
{
    private Terminal() => Name = App = "";

    public Terminal(string name, int dataOrdinal, TerminalType type, HardwareTier tier, double x, double y,
        TerminalOrigin origin = TerminalOrigin.Simulated, string? agentVersion = null)
    {
        if (agentVersion is { Length: > MaxAgentVersionLength })
            throw new ArgumentOutOfRangeException(nameof(agentVersion), agentVersion, $"An agent version has at most {MaxAgentVersionLength} characters.");
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(dataOrdinal);
        Name = name;
        DataOrdinal = dataOrdinal;
        Type = type;
        Tier = tier;
        PositionX = x;
        PositionY = y;
        Battery = 1.0;
        App = "";
        Origin = origin;
        AgentVersion = agentVersion;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Which partition of the training data this terminal holds (0-based, stable).</summary>
    public int DataOrdinal { get; private set; }

    public TerminalType Type { get; private set; }
    public HardwareTier Tier { get; private set; }
    public double PositionX { get; private set; }
    public double PositionY { get; private set; }

    /// <summary>The edge whose coverage holds the terminal now; null when outside every coverage.</summary>
    public int? EdgeId { get; private set; }

    public double CpuLoad { get; private set; }
    public double Battery { get; private set; }
    public int FreeMemoryMb { get; private set; }
    public bool Online { get; private set; } = true;

    /// <summary>Samples per second measured in the terminal's last local training; 0 before the first.</summary>
    public double TrainingSamplesPerSecond { get; private set; }

    public DateTimeOffset LastSeen { get; private set; }

    public TerminalOrigin Origin { get; private set; }

    /// <summary>Until when the terminal counts as online after its last heartbeat (now + 2 heartbeat intervals); null before the first.</summary>
    public DateTimeOffset? OnlineUntil { get; private set; }

    /// <summary>The agent program's version it last reported; null for a simulated terminal.</summary>
    public string? AgentVersion { get; private set; }

    public const int MaxAgentVersionLength = 64;

    /// <summary>The longest app name a terminal reports, and a policy can name (the column's size).</summary>
    public const int MaxAppLength = 50;

    /// <summary>The app the terminal trains in, matched by group rules.</summary>
    public string App { get; private set; }

    /// <summary>How many samples the terminal's own data holds.</summary>
    public int DataSamples { get; private set; }

    /// <summary>When the terminal's own data was last refreshed; its age is measured from here.</summary>
    public DateTimeOffset DataUpdatedAt { get; private set; }

    /// <summary>Whether the terminal's data is anonymized, which data sharing can require.</summary>
    public bool DataAnonymized { get; private set; }

    /// <summary>Set while the terminal is asking its edge for work (availability mode TerminalsAsk).</summary>
    public DateTimeOffset? WorkRequestedAt { get; private set; }

    public bool InCoverage => EdgeId is not null;

    public void ReportTelemetry(double cpuLoad, double battery, int freeMemoryMb, bool online, DateTimeOffset at)
    {
        if (cpuLoad is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(cpuLoad), cpuLoad, "CPU load is a fraction from 0 to 1.");
        if (battery is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(battery), battery, "Battery is a fraction from 0 to 1.");
        ArgumentOutOfRangeException.ThrowIfNegative(freeMemoryMb);
        CpuLoad = cpuLoad;
        Battery = battery;
        FreeMemoryMb = freeMemoryMb;
        Online = online;
        LastSeen = at;
    }

    public void MoveTo(double x, double y, int? edgeId)
    {
        PositionX = x;
        PositionY = y;
        EdgeId = edgeId;
    }

    public void DescribeData(string app, int samples, bool anonymized, DateTimeOffset updatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(app);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        App = app;
        DataSamples = samples;
        DataAnonymized = anonymized;
        DataUpdatedAt = updatedAt;
    }

    public void RequestWork(DateTimeOffset at) => WorkRequestedAt ??= at;

    public void WithdrawWorkRequest() => WorkRequestedAt = null;

    public void RecordTrainingSpeed(double samplesPerSecond)
    {
        if (samplesPerSecond > 0) TrainingSamplesPerSecond = samplesPerSecond;
    }
}
