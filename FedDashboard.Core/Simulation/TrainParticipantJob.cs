using Hangfire;

namespace FedDashboard.Core.Simulation;

public sealed class TrainParticipantJob(SimulatedTerminal terminal)
{
    public const string Queue = "training";

    // A failed training is recorded on the participant; retrying would only train after the round moved on.
    [AutomaticRetry(Attempts = 0), Queue(Queue)]
    public Task RunAsync(int participantId, CancellationToken ct) => terminal.TrainAsync(participantId, ct);
}
