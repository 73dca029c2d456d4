namespace FedDashboard.Core.Domain.Strategies.Planning;

/// <summary>The terminals chosen for a round, and how many were eligible to choose from.</summary>
public sealed record RoundPlan(IReadOnlyList<PlannedTerminal> Participants, int Eligible);
