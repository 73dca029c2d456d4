using FedDashboard.Core.Orchestration.Requests;

namespace FedDashboard.Tests.Shared;

/// <summary>Training requests as clients submit them: a valid one by default, with what a test changes named.</summary>
public static class TestRequests
{
    public static TrainingRequestSubmission Submission(
        DateTimeOffset deadline,
        string? name = "Digits for the scanner",
        string? model = "Mlp2NN",
        string? partition = "Iid",
        double? targetAccuracy = 0.9,
        double? maxTestLoss = null,
        int? maxRounds = 20,
        decimal? maxSpend = 50m,
        string? callbackUrl = null,
        string? priority = null,
        string? heldOutSet = null,
        string? terminalGroup = null) =>
        new(name, model, new DataSubmission(partition, terminalGroup), new ConditionSubmission(targetAccuracy, maxTestLoss, heldOutSet), deadline,
            new BudgetSubmission(maxRounds, maxSpend), callbackUrl, priority);
}
