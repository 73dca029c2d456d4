namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>Runs an attempt of a delivery later, on a worker of any node.</summary>
public interface ICallbackScheduler
{
    /// <param name="retriesUsed">How many waits of the retry schedule lie behind this attempt.</param>
    void Attempt(Guid deliveryId, int number, int retriesUsed, TimeSpan delay);
}
