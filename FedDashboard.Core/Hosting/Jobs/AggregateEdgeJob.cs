using FedDashboard.Core.Orchestration.Training;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>One edge's evaluation and aggregation of a round, on the edge's own queue; a second run finds it done.</summary>
public sealed class AggregateEdgeJob(EdgeRoundAggregator aggregator)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(int roundId, int edgeId, CancellationToken ct) => aggregator.RunAsync(roundId, edgeId, ct);
}
