namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>The edges' queues this full node serves now, for want of a live edge node of their own (see <see cref="EdgeQueueTakeover"/>). Thread-safe.</summary>
public sealed class TakenOverQueues
{
    private volatile IReadOnlyList<string> _queues = [];

    public IReadOnlyList<string> Queues => _queues;

    internal void Set(IReadOnlyList<string> queues) => _queues = queues;
}
