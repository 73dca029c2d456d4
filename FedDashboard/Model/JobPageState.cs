using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

/// <summary>What the job page shows when it opens, read from the database.</summary>
/// <param name="Proposal">The job's policy change waiting for an approver, in words, or null.</param>
public sealed record JobPageState(JobSummary Job, int? RoundNumber, RoundPhase? RoundPhase, int? PublishedNumber, string? Proposal = null);
