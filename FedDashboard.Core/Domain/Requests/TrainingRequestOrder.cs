using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Core.Domain.Requests;

/// <summary>What a client orders, as it submitted it (checked by the service that accepts it).</summary>
public sealed record TrainingRequestOrder(
    string Name,
    ModelArchitecture Model,
    RequestData Data,
    RequestCondition Condition,
    DateTimeOffset Deadline,
    RequestBudget Budget,
    Uri? CallbackUrl);
