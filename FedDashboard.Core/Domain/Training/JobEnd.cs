namespace FedDashboard.Core.Domain.Training;

/// <summary>Why a job ends: the condition, and the reason shown to operators.</summary>
public sealed record JobEnd(JobEndCondition Condition, string Reason);
