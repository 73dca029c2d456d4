using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Model;

public sealed record FleetCounts(int Terminals, int Online, int InCoverage, int Training);

/// <summary>What the overview shows when it opens, read from the database.</summary>
public sealed record OverviewState(JobSummary? Job, int? RoundNumber, RoundPhase? RoundPhase, FleetCounts Fleet, IReadOnlyList<RoundAccuracy> Accuracy);
