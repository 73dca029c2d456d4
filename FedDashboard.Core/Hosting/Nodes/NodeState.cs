namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>A node as its heartbeats show it, in the order the Nodes page lists them.</summary>
public enum NodeState
{
    /// <summary>Beat within the last two heartbeat intervals.</summary>
    Alive,

    /// <summary>Missed two beats or more, not yet gone: dead, cut off or too busy to beat; the others do not act on it yet.</summary>
    Silent,

    /// <summary>Silent past GoneAfterSeconds: the others take over its edge's queue, and its name is free.</summary>
    Gone,
}
