using FedDashboard.Core.Orchestration.Training;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>Runs when every participant has reported and again at the deadline; whichever comes second does nothing.</summary>
public sealed class AggregateRoundJob(RoundAggregator aggregator)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(int roundId, CancellationToken ct) => aggregator.AggregateAsync(roundId, ct);
}
