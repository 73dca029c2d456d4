using FedDashboard.Core.Orchestration.Training;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>The central step after an edge's: waits (does nothing) until every edge is done, then combines and completes the round.</summary>
public sealed class CombineRoundJob(RoundAggregator aggregator)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(int roundId, CancellationToken ct) => aggregator.CombineAsync(roundId, ct);
}
