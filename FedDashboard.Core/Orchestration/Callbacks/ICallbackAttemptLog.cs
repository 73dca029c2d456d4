using FedDashboard.Core.Domain.Callbacks;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>
/// Where deliveries and their attempts are kept (a table of attempts, one row each). Called by Hangfire workers, several
/// at once: implementations are thread-safe.
/// </summary>
public interface ICallbackAttemptLog
{
    /// <summary>The delivery with the number of its latest attempt, or null when it is gone.</summary>
    Task<CallbackDelivery?> FindAsync(Guid deliveryId, CancellationToken ct);

    /// <summary>Records an attempt; false, recording nothing, when the delivery has an attempt of that number already.</summary>
    /// <remarks>The number is the attempt's identity: a second run of the same attempt must not count twice.</remarks>
    Task<bool> RecordAsync(Guid deliveryId, CallbackAttempt attempt, CancellationToken ct);
}
