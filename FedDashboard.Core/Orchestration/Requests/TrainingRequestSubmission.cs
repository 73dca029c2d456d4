namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>A training request as a client sends it, unchecked: <see cref="TrainingRequestInput"/> checks it field by field.</summary>
/// <param name="Model">A model architecture's name, e.g. Mlp2NN.</param>
/// <param name="CallbackUrl">Where the outcome is posted; null for none.</param>
/// <param name="Priority">Low, Normal or High: its weight beside other open requests; null for Normal.</param>
public sealed record TrainingRequestSubmission(
    string? Name,
    string? Model,
    DataSubmission? Data,
    ConditionSubmission? Condition,
    DateTimeOffset? Deadline,
    BudgetSubmission? Budget,
    string? CallbackUrl,
    string? Priority = null);

/// <param name="Partition">How the demo data set is split over the fleet: Iid or PathologicalNonIid.</param>
/// <param name="TerminalGroup">Optional: a terminal group an edge's policy names; only its terminals train the request.</param>
public sealed record DataSubmission(string? Partition, string? TerminalGroup = null);

/// <param name="TargetAccuracy">A fraction above 0 and at most 1.</param>
/// <param name="MaxTestLoss">Optional: the met version's test loss must not exceed it.</param>
/// <param name="HeldOutSet">Optional: the held-out set (GET /api/v1/held-out-sets) the accuracy and loss are measured on; the whole test set when left out.</param>
public sealed record ConditionSubmission(double? TargetAccuracy, double? MaxTestLoss, string? HeldOutSet = null);

/// <param name="MaxSpend">In the client's currency.</param>
public sealed record BudgetSubmission(int? MaxRounds, decimal? MaxSpend);
