namespace FedDashboard.Core.Domain.Training;

/// <summary>A job's standing as the audit log records it before and after a pause, resume or abort.</summary>
public sealed record JobState(JobStatus Status, JobEndCondition? EndCondition, string? EndReason)
{
    public static JobState Of(TrainingJob job) => new(job.Status, job.EndCondition, job.EndReason);
}
