using FedDashboard.Core.Domain.Training;

namespace FedDashboard.Core.Orchestration.Telemetry;

/// <summary>
/// Times a step of a round where the work happens: <c>using var step = steps.Begin(RoundStep.X, ...)</c> opens its span,
/// and its end records the duration in the histogram and, through <see cref="StepTimeWriter"/>, in the round's totals.
/// </summary>
public sealed class RoundSteps(StepTimeWriter writer)
{
    /// <param name="roundId">Null while the round is not saved yet; <see cref="StepTimer.ForRound"/> names it then.</param>
    public StepTimer Begin(RoundStep step, int jobId, int? roundId, int? edgeId = null, int? terminalId = null) =>
        new(writer, step, jobId, roundId, edgeId, terminalId);
}
