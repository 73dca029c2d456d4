using FedDashboard.Core.Domain.Topology.Coverage;


namespace FedDashboard.Tests.Core.Topology;

/// <summary>A fleet of healthy terminals (in edge 0, online, idle, light load, full battery, fast) to spoil one by one.</summary>
internal sealed class PlannerFleet
{
    private readonly int[] _edges;
    private readonly bool[] _online;
    private readonly double[] _loads;
    private readonly double[] _batteries;
    private readonly double[] _speeds;
    private readonly bool[] _busy;

    public PlannerFleet(int count)
    {
        _edges = new int[count];
        _online = Enumerable.Repeat(true, count).ToArray();
        _loads = Enumerable.Repeat(0.1, count).ToArray();
        _batteries = Enumerable.Repeat(0.9, count).ToArray();
        _speeds = Enumerable.Repeat(100.0, count).ToArray();
        _busy = new bool[count];
    }

    public TerminalStates States => new(_edges, _online, _loads, _batteries, _speeds, _busy);

    public PlannerFleet Set(int terminal, int? edge = null, bool? online = null, double? load = null, double? battery = null, double? speed = null, bool? busy = null)
    {
        _edges[terminal] = edge ?? _edges[terminal];
        _online[terminal] = online ?? _online[terminal];
        _loads[terminal] = load ?? _loads[terminal];
        _batteries[terminal] = battery ?? _batteries[terminal];
        _speeds[terminal] = speed ?? _speeds[terminal];
        _busy[terminal] = busy ?? _busy[terminal];
        return this;
    }

    public PlannerFleet SetEvery(int step, int? edge = null, bool? online = null, double? load = null, double? battery = null, double? speed = null, bool? busy = null)
    {
        for (var t = 0; t < _edges.Length; t += step) Set(t, edge, online, load, battery, speed, busy);
        return this;
    }
}
