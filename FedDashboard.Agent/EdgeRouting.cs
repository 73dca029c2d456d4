namespace FedDashboard.Agent;

/// <summary>
/// Sends each call to the <see cref="EdgeRoute"/>'s current node: the request, addressed relative to the given URL, is
/// moved onto the node's. A node that cannot be reached sends the route back to the given URL; the call fails as a
/// network failure, which the agent's resilience tries again, there.
/// </summary>
internal sealed class EdgeRouting(EdgeRoute route) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var node = route.Current;
        var given = route.Given.AbsoluteUri;
        if (node != route.Given && request.RequestUri is { } uri && uri.AbsoluteUri.StartsWith(given, StringComparison.Ordinal))
            request.RequestUri = new Uri(node, uri.AbsoluteUri[given.Length..]);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException) when (node != route.Given)
        {
            route.FallBack(node);
            throw;
        }
    }
}
