using FedDashboard.Core.Orchestration.Rewards;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>Rewards a completed round's accepted results; a second run, also a concurrent one, finds them rewarded and does nothing.</summary>
public sealed class RewardRoundJob(RoundRewarding rewarding)
{
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(int roundId, CancellationToken ct) => rewarding.RewardAsync(roundId, ct);
}
