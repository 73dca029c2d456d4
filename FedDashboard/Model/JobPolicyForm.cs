using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Policies.Job;

namespace FedDashboard.Model;

/// <summary>One job's policy as the form edits it; errors sit at fields named as the policy names them ("Termination.MaxRounds").</summary>
public sealed class JobPolicyForm : PolicyForm
{
    public required int JobId { get; init; }
    public required string JobName { get; init; }

    /// <summary>Who started the job: they may not accept a proposal to approve its versions automatically.</summary>
    public required string JobCreatedBy { get; init; }

    /// <summary>The change waiting for an approver, or null; the fields show the policy in effect.</summary>
    public PendingProposal? Proposal { get; set; }

    public AggregationRule Aggregation { get; set; }
    public double TrimFraction { get; set; }
    public double ClipFactor { get; set; }
    public PromotionRule Promotion { get; set; }
    public double ReferenceAccuracy { get; set; }
    public double Margin { get; set; }
    public int MaxRounds { get; set; }
    public double? TargetAccuracy { get; set; }
    public double? MaxDurationMinutes { get; set; }
    public int? MinEligibleTerminals { get; set; }
    public double? MaxMeanLoad { get; set; }
    public bool AutoApprove { get; set; }

    public string Name => $"Job \"{JobName}\"";

    public static JobPolicyForm From(TrainingJob job)
    {
        var form = new JobPolicyForm { JobId = job.Id, JobName = job.Name, JobCreatedBy = job.CreatedBy };
        form.Reset(job.Policy, job.PolicyRevision, job.PolicyChangedAt);
        return form;
    }

    public JobPolicy ToPolicy() => new()
    {
        Aggregation = new() { Rule = Aggregation, TrimFraction = TrimFraction, ClipFactor = ClipFactor },
        Promotion = new() { Rule = Promotion, ReferenceAccuracy = ReferenceAccuracy, Margin = Margin },
        Termination = new()
        {
            MaxRounds = MaxRounds,
            TargetAccuracy = TargetAccuracy,
            MaxDurationMinutes = MaxDurationMinutes,
            MinEligibleTerminals = MinEligibleTerminals,
            MaxMeanLoad = MaxMeanLoad,
        },
        AutoApprove = AutoApprove,
    };

    public void Reset(JobPolicy policy, int revision, DateTimeOffset? changedAt)
    {
        (Aggregation, TrimFraction, ClipFactor) = (policy.Aggregation.Rule, policy.Aggregation.TrimFraction, policy.Aggregation.ClipFactor);
        (Promotion, ReferenceAccuracy, Margin) = (policy.Promotion.Rule, policy.Promotion.ReferenceAccuracy, policy.Promotion.Margin);
        var termination = policy.Termination;
        (MaxRounds, TargetAccuracy, MaxDurationMinutes) = (termination.MaxRounds, termination.TargetAccuracy, termination.MaxDurationMinutes);
        (MinEligibleTerminals, MaxMeanLoad) = (termination.MinEligibleTerminals, termination.MaxMeanLoad);
        AutoApprove = policy.AutoApprove;
        ResetStored(revision, changedAt);
    }
}
