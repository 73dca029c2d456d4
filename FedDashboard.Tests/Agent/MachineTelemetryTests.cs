using FedDashboard.Agent.Telemetry;
using FedDashboard.Tests.Shared;
using System.Runtime.Versioning;

namespace FedDashboard.Tests.Agent;

[SupportedOSPlatform("linux")]
public sealed class MachineTelemetryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Proc => _temp.File("proc");
    private string Power => _temp.File("power_supply");

    private void WriteStat(long user, long idle, long ownTicks)
    {
        Directory.CreateDirectory(Path.Combine(Proc, "self"));
        File.WriteAllText(Path.Combine(Proc, "stat"), $"cpu  {user} 0 0 {idle} 0 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n");
        // The command may hold spaces and parentheses; utime and stime are fields 14 and 15.
        File.WriteAllText(Path.Combine(Proc, "self", "stat"), $"4242 (dotnet (agent) x) S 1 1 1 0 -1 0 0 0 0 0 {ownTicks} 0 0 0 20 0 1 0");
    }

    [Fact]
    public void CpuLoad_BetweenTwoReadings_MachineShareAndTheShareOfOthers()
    {
        var telemetry = new MachineTelemetry(Proc, Power);
        WriteStat(user: 1000, idle: 1000, ownTicks: 100);
        telemetry.CpuLoad();
        // 400 ticks pass: 300 busy, of which this process 100.
        WriteStat(user: 1300, idle: 1100, ownTicks: 200);

        var load = telemetry.CpuLoad();

        Assert.Equal(0.75, load.Machine, 6);
        Assert.Equal(0.5, load.Others, 6);
    }

    [Fact]
    public void CpuLoad_TooSoonToMeasure_RepeatsTheLastFigure()
    {
        var telemetry = new MachineTelemetry(Proc, Power);
        WriteStat(user: 1000, idle: 1000, ownTicks: 0);
        var first = telemetry.CpuLoad();
        WriteStat(user: 1010, idle: 1000, ownTicks: 0);

        Assert.Equal(first, telemetry.CpuLoad());
    }

    [Fact]
    public void CpuLoad_IowaitCountsAsIdle()
    {
        var (total, idle) = CpuTimes.ParseMachine("cpu  10 0 10 60 20 0 0 0 5 0");

        Assert.Equal(100, total);
        Assert.Equal(80, idle);
    }

    [Fact]
    public void FreeMemoryMb_ReadsMemAvailable()
    {
        Directory.CreateDirectory(Proc);
        File.WriteAllText(Path.Combine(Proc, "meminfo"), "MemTotal:       16384000 kB\nMemFree:          512000 kB\nMemAvailable:    2048000 kB\n");

        Assert.Equal(2000, new MachineTelemetry(Proc, Power).FreeMemoryMb());
    }

    [Fact]
    public void Battery_BatteriesAndMains_MeanChargeOfTheBatteries()
    {
        WriteSupply("BAT0", "Battery", "40");
        WriteSupply("BAT1", "Battery", "80");
        WriteSupply("AC", "Mains", null);

        Assert.Equal(0.6, new MachineTelemetry(Proc, Power).Battery(), 6);
    }

    [Fact]
    public void Battery_NoBattery_Full() => Assert.Equal(1.0, new MachineTelemetry(Proc, Power).Battery());

    [Fact]
    public void RealMachine_ReadsPlausibleFigures()
    {
        var telemetry = new MachineTelemetry();

        var load = telemetry.CpuLoad();

        Assert.InRange(load.Machine, 0, 1);
        Assert.InRange(load.Others, 0, load.Machine);
        Assert.True(telemetry.FreeMemoryMb() > 0);
        Assert.InRange(telemetry.Battery(), 0, 1);
    }

    private void WriteSupply(string name, string type, string? capacity)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Power, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "type"), type + "\n");
        if (capacity is not null) File.WriteAllText(Path.Combine(folder, "capacity"), capacity + "\n");
    }

    public void Dispose() => _temp.Dispose();
}
