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

    /// <summary>Takes up to <paramref name="most"/> waiting heartbeats out; the rest, and one that arrives meanwhile, wait for the next take.</summary>
    public IReadOnlyList<Heartbeat> Take(int most)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most);
        var taken = new List<Heartbeat>(Math.Min(most, _latest.Count));
        // The dictionary's own enumerator takes no snapshot: a take stops after what it needs, not after the whole inbox.
        foreach (var (terminalId, _) in _latest)
        {
            if (taken.Count == most) break;
            if (_latest.TryRemove(terminalId, out var heartbeat)) taken.Add(heartbeat);
        }
        return taken;
    }

    /// <summary>The terminals whose heartbeat waits now.</summary>
    public int[] Waiting() => [.. _latest.Keys];

    /// <summary>Drops the terminal's waiting heartbeat (it left: the heartbeat must not bring it back online).</summary>
    public void Drop(int terminalId) => _latest.TryRemove(terminalId, out _);
}
