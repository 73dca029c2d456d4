using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>A terminal's upload after local training: the trained parameters and how they were made.</summary>
/// <param name="UploadKey">The upload's idempotency key, kept with the result so that a retry counts once.</param>
/// <param name="ControlDelta">Under SCAFFOLD, the terminal's Δc_i at the width it trained.</param>
public sealed record TerminalUpdate(
    int ParticipantId, int TerminalId, ParameterSet Parameters, int Samples, double TrainLoss, double TrainAccuracy, double SamplesPerSecond,
    LocalWork? LocalWork = null, string? UploadKey = null, ParameterSet? ControlDelta = null);

/// <summary>The local SGD steps the full work would take, and the steps the terminal took after adapting to its load.</summary>
public sealed record LocalWork(int PlannedSteps, int StepsDone);
