using System.Collections.Concurrent;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// Counts a flooding terminal's rate-limited calls in memory and hands the count over for the database at most once a
/// second per terminal, so a flood costs one write a second instead of one per call. Thread-safe.
/// </summary>
internal sealed class RateLimitedRefusals
{
    private sealed class Tally
    {
        public long Pending;
        public DateTimeOffset LastWritten = DateTimeOffset.MinValue;
    }

    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<int, Tally> _tallies = new();

    /// <returns>The refusals to write now, including this one; null while they wait for the next write.</returns>
    public long? Count(int terminalId, DateTimeOffset now)
    {
        var tally = _tallies.GetOrAdd(terminalId, _ => new Tally());
        lock (tally)
        {
            tally.Pending++;
            if (now - tally.LastWritten < WriteInterval) return null;
            var due = tally.Pending;
            tally.Pending = 0;
            tally.LastWritten = now;
            return due;
        }
    }
}
