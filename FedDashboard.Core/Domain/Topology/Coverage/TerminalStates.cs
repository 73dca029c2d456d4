namespace FedDashboard.Core.Domain.Topology.Coverage;

/// <summary>The fleet's state as parallel arrays, one element per terminal, as the round planner reads it.</summary>
public readonly ref struct TerminalStates
{
    /// <param name="edgeOfTerminal">The covering edge's index, -1 outside every coverage.</param>
    /// <param name="cpuLoad">Fractions from 0 to 1.</param>
    /// <param name="battery">Fractions from 0 to 1.</param>
    /// <param name="trainingSpeed">Samples per second from the last local training; 0 before the first.</param>
    /// <param name="busy">Already training, or otherwise taken for this round.</param>
    public TerminalStates(
        ReadOnlySpan<int> edgeOfTerminal,
        ReadOnlySpan<bool> online,
        ReadOnlySpan<double> cpuLoad,
        ReadOnlySpan<double> battery,
        ReadOnlySpan<double> trainingSpeed,
        ReadOnlySpan<bool> busy)
    {
        var count = edgeOfTerminal.Length;
        if (online.Length != count || cpuLoad.Length != count || battery.Length != count || trainingSpeed.Length != count || busy.Length != count)
            throw new ArgumentException(
                $"Every state array must have one element per terminal (edge {count}, online {online.Length}, load {cpuLoad.Length}, battery {battery.Length}, speed {trainingSpeed.Length}, busy {busy.Length}).");
        EdgeOfTerminal = edgeOfTerminal;
        Online = online;
        CpuLoad = cpuLoad;
        Battery = battery;
        TrainingSpeed = trainingSpeed;
        Busy = busy;
    }

    public int Count => EdgeOfTerminal.Length;
    public ReadOnlySpan<int> EdgeOfTerminal { get; }
    public ReadOnlySpan<bool> Online { get; }
    public ReadOnlySpan<double> CpuLoad { get; }
    public ReadOnlySpan<double> Battery { get; }
    public ReadOnlySpan<double> TrainingSpeed { get; }
    public ReadOnlySpan<bool> Busy { get; }
}
