using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>
/// Delivers callbacks: each attempt is one background job that sends, records, and on failure schedules the next
/// attempt by the retry schedule, until one is acknowledged or the schedule ends.
/// </summary>
/// <remarks>
/// An attempt's number is its identity. An attempt whose number the delivery has reached already does nothing, so a
/// second run of a job, or the older of two schedules after a re-send, stops there and only one schedule goes on.
/// </remarks>
public sealed class CallbackDeliverer(ICallbackAttemptLog log, CallbackSender sender, ICallbackScheduler scheduler,
    IOptions<CallbackOptions> options, ILogger<CallbackDeliverer> logger)
{
    /// <summary>Sends the delivery now, with a fresh retry schedule: its first send, or a re-send from its page.</summary>
    /// <exception cref="NotFoundException">No such delivery.</exception>
    public async Task SendAsync(Guid deliveryId, CancellationToken ct = default)
    {
        var delivery = await log.FindAsync(deliveryId, ct) ?? throw new NotFoundException("There is no such callback delivery.");
        scheduler.Attempt(deliveryId, delivery.AttemptsMade + 1, retriesUsed: 0, TimeSpan.Zero);
    }

    public async Task AttemptAsync(Guid deliveryId, int number, int retriesUsed, CancellationToken ct)
    {
        var delivery = await log.FindAsync(deliveryId, ct);
        if (delivery is null || delivery.AttemptsMade >= number) return;

        var attempt = await sender.SendAsync(delivery, number, ct);
        if (!await log.RecordAsync(deliveryId, attempt, ct) || attempt.Outcome != CallbackOutcome.Failed) return;

        var delays = options.Value.RetryDelays;
        if (retriesUsed < delays.Count) scheduler.Attempt(deliveryId, number + 1, retriesUsed + 1, delays[retriesUsed]);
        else logger.LogWarning("Callback delivery {DeliveryId} to {Host} gave up after attempt {Number}: {Detail}", deliveryId, delivery.Url.Host, number, attempt.Detail);
    }
}
