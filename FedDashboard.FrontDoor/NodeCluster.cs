using Yarp.ReverseProxy.Configuration;

namespace FedDashboard.FrontDoor;

/// <summary>
/// The proxy's one route and one cluster. A browser stays on the node that served it first (a cookie names the node):
/// its Blazor circuit and SignalR connections live in that node's memory. A node that fails its readiness check twice
/// in a row, or whose connections fail, gets no new browsers until it is ready again; its browsers move to another node.
/// </summary>
public static class NodeCluster
{
    public const string ClusterId = "nodes";
    public const string AffinityCookie = ".FedDashboard.Node";
    public const string ReadinessPath = "/health/ready";

    public static RouteConfig Route { get; } = new()
    {
        RouteId = "everything",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "{**path}" },
        // The node sees the address the browser used: its same-site checks compare the Origin with the Host.
        Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
    };

    public static ClusterConfig For(FrontDoorSettings settings) => new()
    {
        ClusterId = ClusterId,
        Destinations = settings.Nodes.Select((url, i) => (url, i))
            .ToDictionary(node => $"node-{node.i + 1}", node => new DestinationConfig { Address = node.url.ToString() }),
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = "Cookie",
            FailurePolicy = "Redistribute",
            AffinityKeyName = AffinityCookie,
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax },
        },
        HealthCheck = new HealthCheckConfig
        {
            AvailableDestinationsPolicy = "HealthyOrPanic",
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = settings.HealthCheckInterval,
                Timeout = settings.HealthCheckInterval,
                Policy = "ConsecutiveFailures",
                Path = ReadinessPath,
            },
            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(10) },
        },
    };
}
