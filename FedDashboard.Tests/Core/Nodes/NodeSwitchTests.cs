using FedDashboard.Hosting;
using Microsoft.Extensions.Configuration;

namespace FedDashboard.Tests.Core.Nodes;

public sealed class NodeSwitchTests
{
    [Fact]
    public void AddNodeSwitch_EdgeSwitch_SetsRoleEdgeAndTheEdgeOverRoleAllFromSettings()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Fed:Node:Role"] = "all" });

        configuration.AddNodeSwitch(["--urls", "http://127.0.0.1:5092", "--edge", "edge-3"]);

        Assert.Equal(("edge", "edge-3"), (configuration["Fed:Node:Role"], configuration["Fed:Node:Edge"]));
    }

    [Fact]
    public void AddNodeSwitch_EdgeKeyGivenAsSuchWithRoleAll_LeavesBothForValidationToRefuse()
    {
        var configuration = new ConfigurationManager();
        string[] args = ["--Fed:Node:Role=all", "--Fed:Node:Edge=edge-2"];
        configuration.AddCommandLine(args);

        configuration.AddNodeSwitch(args);

        Assert.Equal(("all", "edge-2"), (configuration["Fed:Node:Role"], configuration["Fed:Node:Edge"]));
    }

    [Fact]
    public void AddNodeSwitch_NoEdgeSwitch_LeavesTheRoleAsConfigured()
    {
        var configuration = new ConfigurationManager();

        configuration.AddNodeSwitch(["--urls", "http://127.0.0.1:5092"]);

        Assert.Equal((null, null), (configuration["Fed:Node:Role"], configuration["Fed:Node:Edge"]));
    }
}
