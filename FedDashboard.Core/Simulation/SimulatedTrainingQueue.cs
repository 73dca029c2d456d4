using FedDashboard.Core.Orchestration.Terminals;
using Hangfire;

namespace FedDashboard.Core.Simulation;

/// <summary>The simulated fleet hears of each assignment at once and trains it in a <see cref="TrainParticipantJob"/>.</summary>
internal sealed class SimulatedTrainingQueue(IBackgroundJobClient jobs) : IAssignmentNotifier
{
    public void Assigned(int participantId) =>
        jobs.Enqueue<TrainParticipantJob>(j => j.RunAsync(participantId, CancellationToken.None));
}
