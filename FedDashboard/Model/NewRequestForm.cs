using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Requests;

namespace FedDashboard.Model;

/// <summary>
/// A training request an operator fills in for a client, as the client API would take it; Core checks every field when
/// it is submitted. Its idempotency key is made with the form and kept across refused attempts, which create nothing,
/// so a second click on the same request answers the request the first one made.
/// </summary>
public sealed class NewRequestForm
{
    /// <summary>The field of the client's choice, which the client API takes from the key instead.</summary>
    public const string ClientField = "client";

    public NewRequestForm(DateTimeOffset now) =>
        Deadline = new DateTime(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddDays(1);

    public string IdempotencyKey { get; } = $"dashboard-{Guid.NewGuid():N}";

    public int? ClientId { get; set; }
    public string Name { get; set; } = "";
    public ModelArchitecture? Model { get; set; }
    public DataPartition Partition { get; set; } = DataPartition.Iid;
    public double? TargetAccuracy { get; set; } = 0.9;
    public double? MaxTestLoss { get; set; }

    /// <summary>In UTC.</summary>
    public DateTime? Deadline { get; set; }

    public int? MaxRounds { get; set; } = 20;
    public decimal? MaxSpend { get; set; }
    public string? CallbackUrl { get; set; }

    public TrainingRequestSubmission ToSubmission() => new(
        Name,
        Model?.ToString(),
        new DataSubmission(Partition.ToString()),
        new ConditionSubmission(TargetAccuracy, MaxTestLoss),
        Deadline is { } deadline ? new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc)) : null,
        new BudgetSubmission(MaxRounds, MaxSpend),
        CallbackUrl);
}
