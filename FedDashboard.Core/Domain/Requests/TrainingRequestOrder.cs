using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Core.Domain.Requests;

/// <summary>What a client orders, as it submitted it (checked by the service that accepts it).</summary>
/// <param name="Priority">Its weight when it shares the fleet with other open requests.</param>
public sealed record TrainingRequestOrder(
    string Name,
    ModelArchitecture Model,
    RequestData Data,
    RequestCondition Condition,
    DateTimeOffset Deadline,
    RequestBudget Budget,
    Uri? CallbackUrl,
    RequestPriority Priority = RequestPriority.Normal);
