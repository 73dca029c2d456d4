using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

/// <summary>One job's policy as the form edits it; errors sit at fields named as the policy names them ("Termination.MaxRounds").</summary>
public sealed class JobPolicyForm : PolicyForm<JobPolicy>
{
    public required int JobId { get; init; }
    public required string JobName { get; init; }

    /// <summary>Who started the job: they may not accept a proposal to approve its versions automatically.</summary>
    public required string JobCreatedBy { get; init; }

    /// <summary>The change waiting for an approver, or null; the fields show the policy in effect.</summary>
    public PendingProposal? Proposal { get; set; }

    public string Name => $"Job \"{JobName}\"";

    public static JobPolicyForm From(TrainingJob job)
    {
        var form = new JobPolicyForm { JobId = job.Id, JobName = job.Name, JobCreatedBy = job.CreatedBy };
        form.Load(job);
        return form;
    }
}
