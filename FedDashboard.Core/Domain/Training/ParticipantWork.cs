namespace FedDashboard.Core.Domain.Training;

/// <summary>How a participant's training goes on the terminal.</summary>
/// <param name="Width">The width the terminal trains now: narrower than assigned after a swap.</param>
/// <param name="PlannedSteps">Local SGD steps the full work would take.</param>
/// <param name="StepsDone">The steps the terminal took after adapting to its load.</param>
public sealed record ParticipantWork(double Width, int? PlannedSteps, int? StepsDone, DateTimeOffset? SwappedAt, string? SwapReason);
