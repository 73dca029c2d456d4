using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// Warns once when a node started alone (<see cref="NodeOptions.Alone"/>) finds another node's heartbeat going on between
/// two of its own: it picks up that node's jobs only at Hangfire's poll. A killed node's row stays live for a while
/// without beating, so a row alone does not count.
/// </summary>
public sealed class LoneNodeCheck(NodeIdentity node, IOptions<NodeOptions> options, ILogger<LoneNodeCheck> logger)
{
    private Dictionary<string, DateTimeOffset>? _othersBefore;
    private bool _warned;

    /// <param name="live">The live nodes the heartbeat read, this one among them.</param>
    public void See(IReadOnlyList<ClusterNode> live)
    {
        if (!options.Value.Alone || _warned) return;
        var others = live.Where(n => n.Name != node.Name).ToDictionary(n => n.Name, n => n.LastHeartbeat);
        var beating = others.Where(o => _othersBefore?.TryGetValue(o.Key, out var before) == true && o.Value > before).Select(o => o.Key).ToList();
        _othersBefore = others;
        if (beating.Count == 0) return;
        _warned = true;
        logger.LogWarning("This node was started alone on its database (Fed:Node:Alone), but {Nodes} heartbeat there too: it picks up their jobs only at Hangfire's poll, every second. Start the nodes that share a database without Fed:Node:Alone.",
            string.Join(", ", beating));
    }
}
