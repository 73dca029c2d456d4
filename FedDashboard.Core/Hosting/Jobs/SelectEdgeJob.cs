using FedDashboard.Core.Orchestration.Training;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>One edge's selection among its terminals for a round, on the edge's own queue; a second run finds it done.</summary>
public sealed class SelectEdgeJob(EdgeRoundSelector selector)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(int roundId, int edgeId, CancellationToken ct) => selector.SelectAsync(roundId, edgeId, ct);
}
