using Hangfire;

namespace FedDashboard.Core.Simulation;

/// <summary>A simulated terminal trains; enqueued on its edge's queue or this one (by the simulated training queue in Hosting).</summary>
public sealed class TrainParticipantJob(SimulatedTerminal terminal)
{
    public const string Queue = "training";

    // A failed training is recorded on the participant; retrying would only train after the round moved on.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(int participantId, CancellationToken ct) => terminal.TrainAsync(participantId, ct);
}
