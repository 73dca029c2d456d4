using FedDashboard.Core.Orchestration.Training;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

public sealed class StartRoundJob(RoundStarter starter)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(int jobId, CancellationToken ct) => starter.StartNextRoundAsync(jobId, ct);
}
