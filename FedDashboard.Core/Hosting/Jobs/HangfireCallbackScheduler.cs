using FedDashboard.Core.Orchestration.Callbacks;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

internal sealed class HangfireCallbackScheduler(IBackgroundJobClient jobs) : ICallbackScheduler
{
    public void Attempt(Guid deliveryId, int number, int retriesUsed, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) jobs.Enqueue<DeliverCallbackJob>(j => j.RunAsync(deliveryId, number, retriesUsed, CancellationToken.None));
        else jobs.Schedule<DeliverCallbackJob>(j => j.RunAsync(deliveryId, number, retriesUsed, CancellationToken.None), delay);
    }
}
