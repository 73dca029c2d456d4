using FedDashboard.Core.Orchestration.Requests;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>Every minute: every training request still training is brought up to date from its job (<see cref="RequestStatusSync"/>).</summary>
public sealed class SyncTrainingRequestsJob(RequestStatusSync sync)
{
    public const string RecurringId = "sync-training-requests";

    [AutomaticRetry(Attempts = 0), DisableConcurrentExecution(60)]
    public Task RunAsync(CancellationToken ct) => sync.SyncOpenAsync(ct);
}
