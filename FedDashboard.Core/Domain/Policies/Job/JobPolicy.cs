using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Domain.Policies.Job;

/// <summary>
/// How a job aggregates, promotes, approves and ends. Unlike its <see cref="TrainingSettings"/>, operators may change
/// it while the job runs; a round reads the policy the job has when the round starts or ends.
/// </summary>
public sealed record JobPolicy : IPolicy<JobPolicy>
{
    public static JobPolicy Default { get; } = new();

    public AggregationPolicy Aggregation { get; init; } = new();
    public PromotionPolicy Promotion { get; init; } = new();
    public TerminationPolicy Termination { get; init; } = new();

    /// <summary>Unattended operation: promoted versions are approved and published without an operator.</summary>
    public bool AutoApprove { get; init; }

    /// <summary>Every rule the policy breaks, each naming its field as "Section.Field"; empty when it can be saved.</summary>
    public IReadOnlyList<PolicyError> Validate() =>
    [
        .. (Aggregation ?? new()).Problems($"{nameof(Aggregation)}."),
        .. (Promotion ?? new()).Problems($"{nameof(Promotion)}."),
        .. (Termination ?? new()).Problems($"{nameof(Termination)}."),
    ];
}
