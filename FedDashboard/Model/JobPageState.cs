using FedDashboard.Core.Orchestration;

namespace FedDashboard.Model;

/// <summary>What the job page shows when it opens, read from the database.</summary>
public sealed record JobPageState(JobSummary Job, int? RoundNumber, RoundPhase? RoundPhase, int? PublishedNumber);
