using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>
/// Hands each assignment to the simulated fleet at once, which trains it in a <see cref="TrainParticipantJob"/>: on the
/// participant's edge's queue when a node serves it, as a terminal trains near its edge; else on the training queue.
/// An agent's terminal hears of its work from its own heartbeat, so it costs no job.
/// </summary>
internal sealed class SimulatedTrainingQueue(IBackgroundJobClient jobs, IEdgeQueues edgeQueues) : IAssignmentNotifier
{
    public void Assigned(int participantId, int edgeId, TerminalOrigin origin)
    {
        if (origin != TerminalOrigin.Simulated) return;
        jobs.Enqueue<TrainParticipantJob>(edgeQueues.IsServed(edgeId) ? EdgeQueue.Of(edgeId) : TrainParticipantJob.Queue,
            j => j.RunAsync(participantId, CancellationToken.None));
    }
}
