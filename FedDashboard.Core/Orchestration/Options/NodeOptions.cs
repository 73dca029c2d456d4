using FedDashboard.Core.Domain.Nodes;

namespace FedDashboard.Core.Orchestration.Options;

/// <summary>This process as a node of the cluster sharing the database: its name, role, heartbeat and the leader lease.</summary>
public sealed class NodeOptions : IValidatedOptions
{
    public static string Section => "Fed:Node";

    /// <summary>The node's name, unique among the nodes on the database; empty: the machine's name and the process id.</summary>
    public string? Name { get; set; }

    /// <summary>What the node serves: "all" (everything, as a single node does) or "edge" (only <see cref="Edge"/>'s queue).</summary>
    public string Role { get; set; } = "all";

    /// <summary>The name of the edge an edge node serves (an edge server's name, e.g. "edge-3"); only with role "edge".</summary>
    public string? Edge { get; set; }

    /// <summary>
    /// The absolute http(s) URL terminals reach this node at; an edge node's is named in its edge's terminals' heartbeat
    /// answers, and their agents send their calls there. Empty: the node is not advertised.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Whether this node is the only one on its database (<c>./fed run</c> says so). Then its Hangfire workers do not
    /// listen for other nodes' enqueues (PostgreSQL LISTEN/NOTIFY): every enqueue wakes every listening worker of every
    /// node, each of which queries the queue, while a node alone wakes one of its own workers as it enqueues. A node that
    /// is not alone picks up another node's job within Hangfire's poll interval (a second) instead of at once.
    /// </summary>
    public bool Alone { get; set; }

    /// <summary>Hangfire's workers listen for enqueues unless the node is alone; an edge node never is.</summary>
    public bool ListensForOtherNodes => IsEdge || !Alone;

    /// <summary>How often the node heartbeats and its leader renews the lease.</summary>
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>How long a lease lasts unless renewed: after a leader dies another node leads within this and one heartbeat.</summary>
    public double LeaseSeconds { get; set; } = 10;

    /// <summary>How far the node's clock may be from the database's before the node refuses leadership.</summary>
    public double ClockToleranceSeconds { get; set; } = 2;

    /// <summary>A node silent this long is shown as gone.</summary>
    public double GoneAfterSeconds { get; set; } = 30;

    /// <summary>A node silent this long is removed from the list.</summary>
    public double PruneAfterHours { get; set; } = 24;

    public NodeRole ParsedRole => Enum.Parse<NodeRole>(Role, ignoreCase: true);

    /// <summary>Read before the options are validated (to register the node's Hangfire servers): an unknown role counts as not edge.</summary>
    public bool IsEdge => string.Equals(Role, nameof(NodeRole.Edge), StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (Name is { Length: > ClusterNode.NameMaxLength }) yield return $"Name must be at most {ClusterNode.NameMaxLength} characters (was {Name.Length}).";
        if (!Enum.TryParse<NodeRole>(Role, ignoreCase: true, out _) || int.TryParse(Role, out _))
            yield return $"Role must be one of: {string.Join(", ", Enum.GetNames<NodeRole>().Select(n => n.ToLowerInvariant()))} (was '{Role}').";
        if (IsEdge && string.IsNullOrWhiteSpace(Edge))
            yield return "Edge must name the edge an edge node serves (e.g. Fed:Node:Edge=edge-3, or start the node with --edge edge-3).";
        if (!IsEdge && !string.IsNullOrWhiteSpace(Edge))
            yield return $"Edge ('{Edge}') is only for Role edge, and Role is '{Role}': set Fed:Node:Role=edge (or start with --edge {Edge}), or drop Fed:Node:Edge.";
        if (IsEdge && Alone) yield return "Alone is for a node with the database to itself, and an edge node works beside a full node: drop Fed:Node:Alone or set it to false.";
        if (!string.IsNullOrWhiteSpace(PublicUrl) && !IsHttpUrl(PublicUrl))
            yield return $"PublicUrl must be an absolute http or https URL such as http://edge-3.example.org:5080/ (was '{PublicUrl}').";
        if (PublicUrl is { Length: > ClusterNode.PublicUrlMaxLength })
            yield return $"PublicUrl must be at most {ClusterNode.PublicUrlMaxLength} characters (was {PublicUrl.Length}).";
        if (!(HeartbeatSeconds is >= 0.5 and <= 60)) yield return $"HeartbeatSeconds must be from 0.5 to 60 (was {HeartbeatSeconds}).";
        if (!(LeaseSeconds >= 2 * HeartbeatSeconds && LeaseSeconds <= 600)) yield return $"LeaseSeconds must be from twice HeartbeatSeconds to 600 (was {LeaseSeconds}).";
        if (!(ClockToleranceSeconds is >= 0.1 and <= 60)) yield return $"ClockToleranceSeconds must be from 0.1 to 60 (was {ClockToleranceSeconds}).";
        if (!(GoneAfterSeconds >= 2 * HeartbeatSeconds && GoneAfterSeconds <= 86_400)) yield return $"GoneAfterSeconds must be from twice HeartbeatSeconds to 86400 (was {GoneAfterSeconds}).";
        if (!(PruneAfterHours is >= 1 and <= 8760)) yield return $"PruneAfterHours must be from 1 to 8760 (was {PruneAfterHours}).";
    }

    /// <summary>The validated <see cref="PublicUrl"/> in its absolute form (<c>http://host:port/</c>), or null.</summary>
    public string? NormalizedPublicUrl => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl.Trim()).AbsoluteUri;

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0 && url.UserInfo.Length == 0;
}
