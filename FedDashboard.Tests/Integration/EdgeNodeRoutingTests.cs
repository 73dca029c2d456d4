using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using System.Runtime.Versioning;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The terminal agent as its own process against two real nodes on one database, as ./fed cluster 2 --edges runs them: a
/// full node, whose URL the agent is given, and the edge node of the agent's edge. The heartbeats' answers send the agent's
/// calls to its edge node; once that node is killed, they go to the given URL again. Each node logs the requests it
/// serves, so the test sees which node the agent's calls reach.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class EdgeNodeRoutingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly NodeCluster _cluster = new(fullNodes: 1, new Dictionary<string, string?> { ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" });
    private readonly TempFolder _temp = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Agent_GivenTheFullNode_CallsItsEdgesNode_AndTheGivenUrlAgainOnceThatNodeIsKilled()
    {
        var given = _cluster.Node("node-1");
        var edgeNode = _cluster.EdgeNode;
        var data = _temp.File("data");
        IdxSubset.Write(data, 600);
        var code = await TestEnrolmentCodes.IssueAsync(_cluster.ConnectionString, NodeCluster.EdgeOfEdgeNode);
        await using var agent = AgentProcess.Start("--edge", given.BaseAddress.ToString(), "--code", code, "--data", data, "--state", _temp.File("state"),
            "--lighter-above", "1");

        await agent.WaitForOutputAsync($"Calls go to {edgeNode.BaseAddress}, the node of this terminal's edge.", Patience);
        await HeartbeatsAnsweredAsync(edgeNode, 2);
        await edgeNode.KillAsync();
        await agent.WaitForOutputAsync($"The edge node at {edgeNode.BaseAddress} does not answer: calls go to {given.BaseAddress} again.", Patience);
        await HeartbeatsAnsweredAsync(given, Heartbeats(given) + 2);

        Assert.Contains("Enrolled as terminal", agent.Output);
        Assert.DoesNotContain("Stopped", agent.Output);
    }

    private static int Heartbeats(NodeProcess node)
    {
        var request = $"POST {new Uri(node.BaseAddress, TerminalRoutes.Heartbeat)}";
        return node.Output.Split('\n').Count(line => line.Contains(request, StringComparison.Ordinal));
    }

    private static Task HeartbeatsAnsweredAsync(NodeProcess node, int count) =>
        Eventually.WaitForAsync(() => Task.FromResult(Heartbeats(node) >= count ? node : null), Patience, $"{node.Name} to have served {count} heartbeats");
}
