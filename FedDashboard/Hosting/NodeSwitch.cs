namespace FedDashboard.Hosting;

/// <summary>
/// The command line's <c>--edge NAME</c>: starts the node as that edge's node, the same as Fed:Node:Role=edge with
/// Fed:Node:Edge=NAME. It sets the role too, so that the switch alone makes an edge node.
/// </summary>
public static class NodeSwitch
{
    private static readonly Dictionary<string, string> Mappings = new() { ["--edge"] = "Fed:Node:Edge" };

    public static void AddNodeSwitch(this IConfigurationManager configuration, string[] args)
    {
        var switches = new ConfigurationBuilder().AddCommandLine(args, Mappings).Build();
        if (switches["Fed:Node:Edge"] is not { } edge) return;
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Fed:Node:Role"] = "edge", ["Fed:Node:Edge"] = edge });
    }
}
