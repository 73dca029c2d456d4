namespace FedDashboard.Hosting;

/// <summary>
/// The command line's <c>--edge NAME</c>: starts the node as that edge's node, the same as Fed:Node:Role=edge with
/// Fed:Node:Edge=NAME. It sets the role too, so that the switch alone makes an edge node; the keys given as such (on the
/// command line too) are only read, and validated, as settings.
/// </summary>
public static class NodeSwitch
{
    private const string Switched = "EdgeSwitch";

    private static readonly Dictionary<string, string> Mappings = new() { ["--edge"] = Switched };

    public static void AddNodeSwitch(this IConfigurationManager configuration, string[] args)
    {
        var switches = new ConfigurationBuilder().AddCommandLine(args, Mappings).Build();
        if (switches[Switched] is not { } edge) return;
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Fed:Node:Role"] = "edge", ["Fed:Node:Edge"] = edge });
    }
}
