using FedDashboard.Core.Orchestration.Callbacks;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

public sealed class DeliverCallbackJob(CallbackDeliverer deliverer)
{
    public const string Queue = "callbacks";

    // A receiver's failure is recorded and scheduled again by the deliverer; only our own (the database) retries here.
    [AutomaticRetry(Attempts = 3), Queue(Queue)]
    public Task RunAsync(Guid deliveryId, int number, int retriesUsed, CancellationToken ct) =>
        deliverer.AttemptAsync(deliveryId, number, retriesUsed, ct);
}
