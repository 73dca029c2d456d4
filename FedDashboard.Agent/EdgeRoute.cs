namespace FedDashboard.Agent;

/// <summary>
/// Where the agent's calls go: the edge node its heartbeats name (the node doing its edge's work), or the URL it was
/// given (--edge) when none is named or the named one does not answer. Thread-safe.
/// </summary>
internal sealed class EdgeRoute(Uri given, AgentLog log, TimeProvider clock)
{
    // A node that did not answer stays named until the registry counts it gone (30 s by default): the agent would
    // otherwise go back to it at every heartbeat.
    private static readonly TimeSpan Shun = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private Uri? _node;
    private (Uri Node, DateTimeOffset Until)? _shunned;

    public Uri Given => given;

    /// <summary>The named edge node being followed, or the given URL.</summary>
    public Uri Current
    {
        get { lock (_lock) return _node ?? given; }
    }

    /// <summary>Follows a heartbeat's answer: the named edge node, or back to the given URL when none is named.</summary>
    public void Follow(string? edgeNodeUrl)
    {
        var named = NodeOf(edgeNodeUrl);
        Uri target;
        lock (_lock)
        {
            if (_shunned is { } shunned && (shunned.Node != named || clock.GetUtcNow() >= shunned.Until)) _shunned = null;
            var node = _shunned is null ? named : null;
            if (node == _node) return;
            _node = node;
            target = node ?? given;
        }
        log.Say(target == given ? $"Calls go to {given} again: no edge node is named for this terminal's edge."
            : $"Calls go to {target}, the node of this terminal's edge.");
    }

    /// <summary>The node at <paramref name="node"/> did not answer: calls go to the given URL again.</summary>
    public void FallBack(Uri node)
    {
        lock (_lock)
        {
            if (_node != node) return;
            _node = null;
            _shunned = (node, clock.GetUtcNow() + Shun);
        }
        log.Say($"The edge node at {node} does not answer: calls go to {given} again.");
    }

    /// <summary>An absolute http(s) URL as a base for the protocol's relative paths; anything else is ignored.</summary>
    private static Uri? NodeOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var node) && node.Scheme is "http" or "https"
            ? new Uri(node.AbsoluteUri.EndsWith('/') ? node.AbsoluteUri : node.AbsoluteUri + "/")
            : null;
}
