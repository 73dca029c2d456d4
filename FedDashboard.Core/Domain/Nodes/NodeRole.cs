namespace FedDashboard.Core.Domain.Nodes;

/// <summary>What a node serves. Any node serves pages and the terminal API; the role decides its Hangfire queues.</summary>
public enum NodeRole
{
    /// <summary>Everything: the round steps, training, callbacks and the queue of every edge without a live edge node; it may lead.</summary>
    All,

    /// <summary>Only its edge's queue: the edge's selection, evaluation and aggregation and its simulated terminals' training; it never leads.</summary>
    Edge,
}
