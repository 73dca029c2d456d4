using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Training;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>
/// One edge's evaluation and aggregation of a round, on the edge's own queue; a second run finds it done. Then the
/// central step: on a node that runs it too, right here rather than after one more hand-over between jobs (it does
/// nothing while other edges are still to come); on an edge node, as a job of the central node's.
/// </summary>
public sealed class AggregateEdgeJob(EdgeRoundAggregator edge, RoundAggregator central, IOptions<NodeOptions> node)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(int roundId, int edgeId, CancellationToken ct)
    {
        if (node.Value.IsEdge)
        {
            await edge.RunAsync(roundId, edgeId, ct);
            return;
        }
        await edge.AggregateAsync(roundId, edgeId, ct);
        await central.CombineAsync(roundId, ct);
    }
}
