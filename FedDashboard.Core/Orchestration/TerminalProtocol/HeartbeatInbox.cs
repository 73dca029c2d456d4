using System.Collections.Concurrent;
using FedDashboard.Core.Orchestration.Terminals;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The heartbeats answered but not yet written, the latest per terminal (an older one says nothing the newer does not).
/// Thread-safe; one per process.
/// </summary>
public sealed class HeartbeatInbox
{
    private readonly ConcurrentDictionary<int, Heartbeat> _latest = new();

    public bool IsEmpty => _latest.IsEmpty;

    public void Put(Heartbeat heartbeat) => _latest[heartbeat.TerminalId] = heartbeat;

    /// <summary>Takes every waiting heartbeat out; one that arrives meanwhile waits for the next take.</summary>
    public IReadOnlyList<Heartbeat> TakeAll()
    {
        var taken = new List<Heartbeat>(_latest.Count);
        foreach (var terminalId in _latest.Keys)
            if (_latest.TryRemove(terminalId, out var heartbeat)) taken.Add(heartbeat);
        return taken;
    }

    /// <summary>Drops the terminal's waiting heartbeat (it left: the heartbeat must not bring it back online).</summary>
    public void Drop(int terminalId) => _latest.TryRemove(terminalId, out _);
}
