using FedDashboard.Core.Orchestration.Requests;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>Brings one request up to date, at its deadline; a second run finds it ended and does nothing.</summary>
public sealed class SyncTrainingRequestJob(RequestStatusSync sync)
{
    public Task RunAsync(int requestId, CancellationToken ct) => sync.SyncAsync(requestId, ct);
}
