using FedDashboard.Core.Domain.Callbacks;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>A request's callback delivery as its page lists it: attempts oldest first, and when the next retry is due.</summary>
/// <param name="NextRetryAt">When the next attempt runs; null once acknowledged, refused or given up.</param>
public sealed record CallbackDeliveryView(Guid Id, string Event, string Url, DateTimeOffset CreatedAt, string CreatedBy, Guid? ResendOf,
    IReadOnlyList<CallbackAttempt> Attempts, DateTimeOffset? NextRetryAt)
{
    public bool Acknowledged => Attempts.Any(a => a.Outcome == CallbackOutcome.Acknowledged);
}
