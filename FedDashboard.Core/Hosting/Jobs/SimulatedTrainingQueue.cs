using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>
/// Hands the simulated fleet its assignments at once, to train in a <see cref="TrainParticipantsJob"/> per queue (per
/// <see cref="MostPerJob"/> of its participants): an edge's own queue when an edge node serves it, as terminals train
/// near their edge; else the training queue, which every full node serves. A job per participant cost a Hangfire enqueue
/// each, a few milliseconds: a round of 1,000 took seconds to start; a job per edge cost a small round ~60 statements
/// an edge. An agent's terminal hears of its work from its own heartbeat, so it costs no job.
/// </summary>
internal sealed class SimulatedTrainingQueue(IBackgroundJobClient jobs, IEdgeQueues edgeQueues) : IAssignmentNotifier
{
    public const int MostPerJob = 64;

    public void Assigned(IReadOnlyList<AssignedParticipant> participants)
    {
        var simulated = participants.Where(p => p.Origin == TerminalOrigin.Simulated);
        foreach (var queue in simulated.GroupBy(p => edgeQueues.HasEdgeNode(p.EdgeId) ? EdgeQueue.Of(p.EdgeId) : TrainParticipantsJob.Queue))
            foreach (var ids in queue.Select(p => p.Id).Chunk(MostPerJob))
                jobs.Enqueue<TrainParticipantsJob>(queue.Key, j => j.RunAsync(ids, CancellationToken.None));
    }
}
