using FedDashboard.Core.Orchestration.Requests;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

internal sealed class HangfireRequestDeadlines(IBackgroundJobClient jobs) : IRequestDeadlines
{
    public void CheckAt(int requestId, DateTimeOffset deadline) =>
        jobs.Schedule<SyncTrainingRequestJob>(j => j.RunAsync(requestId, CancellationToken.None), deadline);
}
