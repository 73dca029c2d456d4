namespace FedDashboard.Core.Domain.Nodes;

/// <summary>
/// One FedDashboard process on the shared database, as it last reported itself. Its heartbeat is the database's time, so
/// whether it is alive is judged on one clock; a node silent for long is shown as gone and pruned later.
/// </summary>
public sealed class ClusterNode
{
    public const int NameMaxLength = 128;
    public const int PublicUrlMaxLength = 2048;

    private ClusterNode()
    {
        Name = "";
        Queues = [];
        Version = "";
    }

    public string Name { get; private set; }
    public NodeRole Role { get; private set; }
    public string[] Queues { get; private set; }
    public string Version { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The URL terminals reach the node at (Fed:Node:PublicUrl); null: not advertised.</summary>
    public string? PublicUrl { get; private set; }
    public DateTimeOffset LastHeartbeat { get; private set; }

    /// <summary>The node's clock minus the database's at its last heartbeat, in milliseconds.</summary>
    public double ClockOffsetMs { get; private set; }

    /// <summary>Why the node refuses leadership (its clock is off); null while it may lead.</summary>
    public string? LeadershipRefusal { get; private set; }
}
