using System.Collections.Concurrent;
using FedDashboard.Core.Orchestration.Terminals;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The heartbeats answered but not yet written, the latest per terminal (an older one says nothing the newer does not),
/// taken in the order their terminals began waiting: while a backlog lasts, no terminal waits behind others that keep
/// heartbeating. Thread-safe; one per process.
/// </summary>
public sealed class HeartbeatInbox
{
    private readonly ConcurrentDictionary<int, Heartbeat> _latest = new();

    // A terminal's id is queued when its heartbeat starts waiting; one queued again or dropped meanwhile is passed over.
    private readonly ConcurrentQueue<int> _order = new();

    public bool IsEmpty => _latest.IsEmpty;

    public void Put(Heartbeat heartbeat)
    {
        var waitingAnew = false;
        _latest.AddOrUpdate(heartbeat.TerminalId, _ => { waitingAnew = true; return heartbeat; }, (_, _) => heartbeat);
        if (waitingAnew) _order.Enqueue(heartbeat.TerminalId);
    }

    /// <summary>Takes up to <paramref name="most"/> waiting heartbeats out, longest waiting first; the rest wait for the next take.</summary>
    public IReadOnlyList<Heartbeat> Take(int most)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most);
        var taken = new List<Heartbeat>(Math.Min(most, _latest.Count));
        while (taken.Count < most && _order.TryDequeue(out var terminalId))
            if (_latest.TryRemove(terminalId, out var heartbeat)) taken.Add(heartbeat);
        return taken;
    }

    /// <summary>The terminals whose heartbeat waits now.</summary>
    public int[] Waiting() => [.. _latest.Keys];

    /// <summary>Drops the terminal's waiting heartbeat (it left: the heartbeat must not bring it back online).</summary>
    public void Drop(int terminalId) => _latest.TryRemove(terminalId, out _);
}
